import { createExcelHost } from "../../src/excel/excelHost";
import { memoryFillStore, settingsFillStore, type FillStore } from "../../src/excel/fillMemory";

/** The fills a controller sees: light red for an error, light yellow for a warning. */
const FILL_COLORS = { fel: "#F8CBAD", varning: "#FFE699" };
/** Where a saved workbook keeps its marks: a fixed key, or workbooks saved by an earlier version could not be cleared. */
const SETTINGS_KEY = "uppfoljning.markeringar";
import { FakeWorkbook } from "./fakeExcel";

const SHEET = "Verksamhetsmått";

function book() {
  return new FakeWorkbook([
    {
      name: SHEET,
      cells: {
        B5: "Antal patienter",
        C5: 20,
        C6: { value: 5, fill: "#DDEBF7" },
        C7: { value: "2,5", fill: "#FFFFFF" }, // a deliberate white fill
        C12: 3,
        C13: { value: 14, fill: "#00B050" },
        C14: { error: "#N/A" },
      },
    },
    { name: "Grundläggande uppföljning", cells: { C8: "Ja" } },
  ]);
}

const host = (wb: FakeWorkbook, fills: FillStore, sets = ["1.1", "1.9"]) =>
  createExcelHost({ run: wb.run, isSetSupported: (_n, v) => sets.includes(v), fills });

const valueOps = (wb: FakeWorkbook) =>
  wb.log.filter((o) => o.op === "values" || o.op === "formulas" || o.op === "numberFormat");

describe("highlight and clearHighlight", () => {
  it("marks with the severity colours in two round trips and restores exactly in one, values untouched", async () => {
    const wb = book();
    const values = wb.valuesSnapshot();
    const fills = wb.fillsSnapshot();
    const h = host(wb, memoryFillStore());

    await h.highlight([
      { sheet: SHEET, cell: "C5", severity: "fel" },
      { sheet: SHEET, cell: "C6", severity: "varning" },
      { sheet: SHEET, cell: "C7", severity: "varning" },
      { sheet: SHEET, cell: "C12:C14", severity: "varning" },
      { sheet: SHEET, cell: "C13", severity: "fel" },
      { sheet: "Grundläggande uppföljning", cell: "C8", severity: "fel" },
    ]);
    expect(wb.syncs).toBe(2);
    expect(wb.fillsSnapshot()).toEqual({
      [SHEET]: {
        B5: null,
        C5: FILL_COLORS.fel,
        C6: FILL_COLORS.varning,
        C7: FILL_COLORS.varning,
        C12: FILL_COLORS.varning,
        C13: FILL_COLORS.fel,
        C14: FILL_COLORS.varning,
      },
      "Grundläggande uppföljning": { C8: FILL_COLORS.fel },
    });

    await h.clearHighlight();
    expect(wb.syncs).toBe(3);
    expect(wb.fillsSnapshot()).toEqual(fills);
    expect(wb.valuesSnapshot()).toEqual(values);
    expect(valueOps(wb)).toEqual([]);
  });

  it("marks exactly the cells asked for: a second call unmarks fixed cells and keeps the first remembered fill", async () => {
    const wb = book();
    const fills = wb.fillsSnapshot();
    const h = host(wb, memoryFillStore());
    await h.highlight([
      { sheet: SHEET, cell: "C5", severity: "fel" },
      { sheet: SHEET, cell: "C6", severity: "fel" },
    ]);
    wb.syncs = 0;
    await h.highlight([
      { sheet: SHEET, cell: "C6", severity: "varning" },
      { sheet: SHEET, cell: "C13", severity: "fel" },
    ]);
    expect(wb.syncs).toBe(2);
    expect(wb.cell(SHEET, "C5")?.fill).toBeNull(); // fixed: back to no fill
    expect(wb.cell(SHEET, "C6")?.fill).toBe(FILL_COLORS.varning);
    await h.clearHighlight();
    expect(wb.fillsSnapshot()).toEqual(fills); // C6 back to its blue, not to the red of the first call
  });

  it("needs only one round trip when every cell is already marked, and none to clear nothing", async () => {
    const wb = book();
    const h = host(wb, memoryFillStore());
    await h.clearHighlight();
    expect(wb.syncs).toBe(0);
    await h.highlight([{ sheet: SHEET, cell: "C5", severity: "varning" }]);
    wb.syncs = 0;
    await h.highlight([{ sheet: SHEET, cell: "C5", severity: "fel" }]);
    expect(wb.syncs).toBe(1);
    expect(wb.cell(SHEET, "C5")?.fill).toBe(FILL_COLORS.fel);
  });

  it("remembers the fills in the store, so a new session (reopened workbook) can still clear them", async () => {
    const wb = book();
    const fills = wb.fillsSnapshot();
    const store = memoryFillStore();
    await host(wb, store).highlight([{ sheet: SHEET, cell: "C5:C7", severity: "fel" }]);
    expect(store.read()).toEqual([
      { sheet: SHEET, cell: "C5", color: null },
      { sheet: SHEET, cell: "C6", color: "#DDEBF7" },
      { sheet: SHEET, cell: "C7", color: "#FFFFFF" },
    ]);
    wb.syncs = 0;
    await host(wb, store).clearHighlight();
    expect(wb.syncs).toBe(1);
    expect(wb.fillsSnapshot()).toEqual(fills);
    expect(store.read()).toEqual([]);
  });

  it("without ExcelApi 1.9 (no fill pattern) a white cell is taken as no fill", async () => {
    const wb = book();
    const h = host(wb, memoryFillStore(), ["1.1"]);
    await h.highlight([{ sheet: SHEET, cell: "C5:C7", severity: "fel" }]);
    await h.clearHighlight();
    expect([wb.cell(SHEET, "C5")?.fill, wb.cell(SHEET, "C6")?.fill, wb.cell(SHEET, "C7")?.fill]).toEqual([
      null,
      "#DDEBF7",
      null,
    ]);
  });

  it("keeps the list in the document's settings inside Office", async () => {
    const saved = new Map<string, unknown>();
    let saves = 0;
    const settings = {
      get: (k: string) => saved.get(k),
      set: (k: string, v: unknown) => void saved.set(k, v),
      remove: (k: string) => void saved.delete(k),
      saveAsync: (cb?: (r: { status: unknown }) => void) => (saves++, cb?.({ status: "succeeded" })),
    };
    const store = settingsFillStore(settings);
    await store.write([{ sheet: SHEET, cell: "C5", color: null }]);
    expect(saved.get(SETTINGS_KEY)).toEqual([{ sheet: SHEET, cell: "C5", color: null }]);
    saved.set(SETTINGS_KEY, [...(saved.get(SETTINGS_KEY) as unknown[]), { junk: true }]);
    expect(store.read()).toEqual([{ sheet: SHEET, cell: "C5", color: null }]);
    await store.write([]);
    expect(saved.has(SETTINGS_KEY)).toBe(false);
    expect(saves).toBe(2);
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell in one round trip", async () => {
    const wb = book();
    await host(wb, memoryFillStore()).selectCell({ sheet: "Grundläggande uppföljning", cell: "C8" });
    expect(wb.syncs).toBe(1);
    expect(wb.log).toEqual([
      { op: "activate", sheet: "Grundläggande uppföljning" },
      { op: "select", sheet: "Grundläggande uppföljning", address: "C8" },
    ]);
  });
});
