/**
 * addCharts on exceljs's in-memory writer (writeLevel2's tests cover the streaming one): the
 * input is untouched, the chart lands on the named sheet in its schema place (after the page
 * setup, before table parts), beside an image exceljs already drew there, and the result opens.
 */
import ExcelJS from "exceljs";
import * as XLSX from "xlsx";
import { strFromU8, unzipSync } from "fflate";
import { addCharts, type ChartPlacement } from "../../src/workbook/addCharts";
import { sheetRef } from "../../src/workbook/chartXml";
import { all, must, parseXml } from "./xmlTree";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

async function book(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Först").getCell("A1").value = "x";
  const ws = wb.addWorksheet("Blad & diagram");
  ws.pageSetup = { orientation: "landscape", paperSize: 9 };
  ws.headerFooter = { oddFooter: "Sida &P av &N" };
  ws.addTable({
    name: "Tabell",
    ref: "A1",
    columns: [{ name: "Period" }, { name: "Värde" }],
    rows: [
      ["2025", 1],
      ["2026", 2],
    ],
  });
  const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  ws.addImage(image, "H1:I2");
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const chart = (from: string, to: string): ChartPlacement => ({
  sheet: "Blad & diagram",
  from,
  to,
  spec: {
    kind: "line",
    title: "Värde",
    categories: ["2025", "2026"],
    categoriesRef: sheetRef("Blad & diagram", "A2", "A3"),
    series: [{ name: "Värde", values: [1, 2], valuesRef: sheetRef("Blad & diagram", "B2", "B3") }],
  },
});

/** The part behind a sheet's tab, as Excel finds it. */
function sheetXml(files: Record<string, Uint8Array>, name: string): string {
  const wb = strFromU8(must(files["xl/workbook.xml"]));
  const id = must(
    new RegExp(`<sheet [^>]*name="${name.replace("&", "&amp;")}"[^>]*r:id="(\\w+)"`).exec(wb),
  )[1];
  const rels = strFromU8(must(files["xl/_rels/workbook.xml.rels"]));
  const target = must(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels))[1];
  return strFromU8(must(files[`xl/${must(target).replace(/^\/?xl\//, "")}`]));
}

describe("addCharts", () => {
  it("puts the charts on the named sheet beside its image, in schema order, and leaves the input alone", async () => {
    const input = await book();
    const before = input.slice();
    const out = addCharts(input, [chart("D5", "K20"), chart("D22", "K40")]);
    expect(input).toEqual(before);
    const files = unzipSync(out);
    expect(Object.keys(files).filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k))).toHaveLength(2);
    const sheet = sheetXml(files, "Blad & diagram");
    expect(sheet.match(/<drawing /g)).toHaveLength(1);
    // CT_Worksheet order: … headerFooter, drawing, …, tableParts.
    expect(sheet.indexOf("<headerFooter")).toBeLessThan(sheet.indexOf("<drawing"));
    expect(sheet.indexOf("<drawing")).toBeLessThan(sheet.indexOf("<tableParts"));
    expect(sheetXml(files, "Först")).not.toContain("<drawing");
    // One drawing holds exceljs's picture and both charts, each with a distinct shape id.
    const drawings = Object.keys(files).filter((k) => /^xl\/drawings\/drawing\d+\.xml$/.test(k));
    expect(drawings).toHaveLength(1);
    const drawing = parseXml(strFromU8(must(files[must(drawings[0])])));
    expect(all(drawing, "xdr:pic")).toHaveLength(1);
    expect(all(drawing, "c:chart")).toHaveLength(2);
    const ids = all(drawing, "xdr:cNvPr").map((n) => n.attributes.id);
    expect(new Set(ids).size).toBe(3);
    const rels = strFromU8(must(files[`xl/drawings/_rels/${must(drawings[0]).split("/").pop()}.rels`]));
    for (const c of all(drawing, "c:chart"))
      expect(rels).toMatch(new RegExp(`Id="${c.attributes["r:id"]}"[^>]*Target="../charts/chart\\d.xml"`));
    expect(rels).toMatch(/Target="..\/media\/image1.png"/);
  });

  it("opens in exceljs and SheetJS with the sheet's values intact", async () => {
    const out = addCharts(await book(), [chart("D5", "K20")]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Blad & diagram")?.getCell("B3").value).toBe(2);
    const sheet = must(XLSX.read(out, { type: "array" }).Sheets["Blad & diagram"]);
    expect(sheet.B3?.v).toBe(2);
  });

  it("creates a drawing for a sheet that has none and names an unknown sheet", async () => {
    const out = addCharts(await book(), [{ ...chart("B2", "H12"), sheet: "Först" }]);
    const files = unzipSync(out);
    expect(sheetXml(files, "Först")).toMatch(/<drawing r:id="rId\d+"\/><\/worksheet>$/);
    expect(strFromU8(must(files["[Content_Types].xml"]))).toContain('PartName="/xl/drawings/drawing2.xml"');
    await expect(async () =>
      addCharts(await book(), [{ ...chart("B2", "H12"), sheet: "Saknas" }]),
    ).rejects.toThrow("Bladet Saknas finns inte i arbetsboken");
  });

  it("returns the bytes as they are when there is no chart", async () => {
    const input = await book();
    expect(addCharts(input, [])).toBe(input);
  });
});
