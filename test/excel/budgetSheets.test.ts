/**
 * The Ekonomi view inside Excel: every sheet's values read as cells from A1 (so messages name
 * Excel's own rows and columns) in three round trips however many sheets, huge sheets left
 * unread; the confirmed mapping kept in the document's settings.
 */
import { createExcelHost } from "../../src/excel/excelHost";
import { memoryFillStore, type SettingsLike } from "../../src/excel/fillMemory";
import { MAX_BUDGET_SHEET_CELLS, valuesFromA1 } from "../../src/excel/budgetSheets";
import { MAPPING_SETTINGS_KEY, memoryMappingStore, settingsMappingStore } from "../../src/excel/mappingStore";
import { budgetOfWorkbook, readBudget } from "../../src/taskpane/budgetOps";
import { FakeWorkbook, type CellSpec } from "./fakeExcel";
import { encodeCell } from "../../src/workbook/a1";

const hostFor = (wb: FakeWorkbook) =>
  createExcelHost({
    run: wb.run,
    isSetSupported: () => true,
    fills: memoryFillStore(),
    mappings: memoryMappingStore(),
  });

/** A table's rows placed with its top-left cell at `at` (0-based row and column). */
function placed(
  rows: (string | number | null)[][],
  at: { row: number; col: number },
): Record<string, CellSpec> {
  const cells: Record<string, CellSpec> = {};
  rows.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v !== null) cells[encodeCell({ row: at.row + r, col: at.col + c })] = v;
    }),
  );
  return cells;
}

const BUDGET = [
  ["Verksamhet", "Intäkter budget 2025 (tkr)", "Kostnader budget 2025 (tkr)", "Netto budget 2025 (tkr)"],
  ["Team Norr", 500, 8000, -7500],
  ["Team Söder", 400, 7000, -6600],
  ["Summa", 900, 15000, -14200],
];

test("a budget table below and right of A1 keeps Excel's row numbers and column letters", async () => {
  const wb = new FakeWorkbook([
    { name: "Anvisningar", cells: { A1: "Fyll i budgeten" } },
    { name: "Budget", cells: placed(BUDGET, { row: 2, col: 1 }) },
  ]);
  wb.workbookName = "Budget 2025.xlsx";
  wb.activeSheet = "Anvisningar";
  const book = await hostFor(wb).readWorkbookSheets();
  expect(book.file).toBe("Budget 2025.xlsx");
  expect(book.active).toBe("Anvisningar");
  const found = budgetOfWorkbook(book);
  if (!found) throw new Error("no budget sheet found");
  expect(found.sheet).toBe("Budget");
  const reading = readBudget(found);
  expect(reading.lines[0]).toBe('Kolumn B ("Verksamhet"): verksamhet (radernas namn)');
  // The Summa's netto (printed -14 200; its rows and its own intäkter − kostnader give -14 100) named where Excel shows it: E6.
  expect(reading.problems.map((p) => [p.code, p.location?.sheet, p.location?.cell])).toEqual([
    ["financeSumMismatch", "Budget", "E6"],
    ["financeNetMismatch", "Budget", "E6"],
  ]);
});

test.each([1, 30])("three round trips for %i sheets", async (n) => {
  const wb = new FakeWorkbook(
    Array.from({ length: n }, (_, i) => ({
      name: `Blad ${i + 1}`,
      cells: placed(BUDGET, { row: 0, col: 0 }),
    })),
  );
  const book = await hostFor(wb).readWorkbookSheets();
  expect(wb.syncs).toBe(3);
  expect(book.sheets).toHaveLength(n);
});

test("a sheet larger than any budget table is not read", async () => {
  const far = encodeCell({ row: Math.ceil(MAX_BUDGET_SHEET_CELLS / 10), col: 10 });
  const wb = new FakeWorkbook([
    { name: "Data", cells: { A1: "x", [far]: 1 } },
    { name: "Budget", cells: placed(BUDGET, { row: 0, col: 0 }) },
  ]);
  const book = await hostFor(wb).readWorkbookSheets();
  expect(book.sheets.map((s) => s.name)).toEqual(["Budget"]);
});

test("Excel's empty string is a blank cell, not text", () => {
  expect(valuesFromA1("'Budget'!B2:C2", [["", 5]])).toEqual([[], [null, null, 5]]);
});

describe("the confirmed mapping in the document's settings", () => {
  function fakeSettings(fail?: string) {
    const values = new Map<string, unknown>();
    let saves = 0;
    const settings: SettingsLike = {
      get: (k) => values.get(k),
      set: (k, v) => void values.set(k, v),
      remove: (k) => void values.delete(k),
      saveAsync: (cb) => {
        saves++;
        cb?.(fail ? { status: "failed", error: { message: fail } } : { status: "succeeded" });
      },
    };
    return { settings, values, saves: () => saves };
  }

  it("is saved as the JSON text and read back", async () => {
    const { settings, values, saves } = fakeSettings();
    const store = settingsMappingStore(settings);
    expect(store.read()).toBeUndefined();
    await store.write('{"format":"uppfoljning-budgetmappning"}');
    expect(values.get(MAPPING_SETTINGS_KEY)).toBe('{"format":"uppfoljning-budgetmappning"}');
    expect(saves()).toBe(1);
    expect(settingsMappingStore(settings).read()).toBe('{"format":"uppfoljning-budgetmappning"}');
  });

  it("a failed save is said in Swedish, not swallowed", async () => {
    const { settings } = fakeSettings("Åtkomst nekad");
    await expect(settingsMappingStore(settings).write("{}")).rejects.toThrow(
      "Kopplingen kunde inte sparas i arbetsboken: Åtkomst nekad",
    );
  });

  it("the host reads and writes it through its store", async () => {
    const store = memoryMappingStore("gammal");
    const host = createExcelHost({ run: new FakeWorkbook().run, mappings: store, fills: memoryFillStore() });
    expect(host.savedBudgetMapping()).toBe("gammal");
    await host.saveBudgetMapping("ny");
    expect(store.read()).toBe("ny");
  });
});
