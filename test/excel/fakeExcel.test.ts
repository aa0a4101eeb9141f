/** The fake must behave like Office.js where the adapter could get it wrong: nothing happens before sync. */
import { FakeWorkbook } from "./fakeExcel";

const book = () => {
  const wb = new FakeWorkbook([{ name: "Blad 1", cells: { C7: 5, C8: { value: 1, fill: "#00FF00" } } }]);
  wb.addName("U_x", "'Blad 1'!$C$7");
  return wb;
};

describe("fake Excel", () => {
  it("throws when a loaded property is read before sync", async () => {
    const wb = book();
    await wb.run(async (context) => {
      const range = context.workbook.names.getItem("U_x").getRange().load("values");
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([[5]]);
      const names = context.workbook.names.load("items/name");
      expect(() => names.items).toThrow();
    });
    expect(wb.syncs).toBe(1);
  });

  it("applies writes only at sync, and fails the batch on unknown sheets", async () => {
    const wb = book();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Blad 1").getRange("C7").format.fill.color = "#FF0000";
      expect(wb.cell("Blad 1", "C7")?.fill).toBeUndefined();
      await context.sync();
      expect(wb.cell("Blad 1", "C7")?.fill).toBe("#FF0000");
      context.workbook.worksheets.getItem("Finns inte").getRange("A1").select();
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("reports no fill as white and pattern None, like Excel", async () => {
    const wb = book();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad 1");
      const none = sheet.getRange("C7").format.fill.load("color,pattern");
      const green = sheet.getRange("C8").format.fill.load("color,pattern");
      const mixed = sheet.getRange("C7:C8").format.fill.load("color");
      await context.sync();
      expect([none.color, none.pattern, green.color, green.pattern, mixed.color]).toEqual([
        "#FFFFFF",
        "None",
        "#00FF00",
        "Solid",
        null,
      ]);
    });
  });
});
