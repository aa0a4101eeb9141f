/**
 * The Ekonomi view's budget work: a picked file read and checked, the active workbook's budget
 * sheet found (the active sheet first), tkr/kr from the user when the header is silent, rows
 * matched to units with a saved mapping taken first.
 */
import * as XLSX from "xlsx";
import type { Cell } from "../../src/core/finance";
import { provideSheetjs } from "../../src/workbook/sheetjs";
import {
  budgetCellsOfFile,
  budgetOfWorkbook,
  confirmMapping,
  financeNotes,
  financeOf,
  level2WithEkonomi,
  matchBudget,
  readBudget,
} from "../../src/taskpane/budgetOps";
import { budgetCells } from "../workbook/ekonomiFixture";
import { catalog, collectedFor } from "../workbook/level2Fixture";
import { DEMO_LIKE_BUDGET, DEMO_UNITS, demoLikeBudget } from "./demoLikeBudget";

provideSheetjs(XLSX);

const notes: Cell[][] = [["Anvisningar"], ["Fyll i de gula cellerna."]];

test("a picked budget file: what was recognised, the signs and the planted mistake with sheet, row and column", () => {
  const read = budgetCellsOfFile(demoLikeBudget(), "budget-2025.xlsx");
  if (!read.ok) throw new Error(read.message);
  const reading = readBudget(read.budget);
  expect(reading.sheet).toBe("Budget");
  expect(reading.lines).toContain('Kolumn C ("Kostnader budget 2025 (tkr)"): budget 2025, kostnader');
  expect(reading.signs).toBe(
    "Tecken i tabellen: intäkter positiva, kostnader positiva, netto = intäkter − kostnader, en nettokostnad är negativ.",
  );
  expect(reading.problems.map((p) => [p.code, p.location?.sheet, p.location?.cell])).toEqual([
    ["financeSumMismatch", "Budget", "C8"],
    ["financeNetMismatch", "Budget", "D8"],
  ]);
});

test("a file that is neither a workbook nor text says so in Swedish instead of throwing", () => {
  const read = budgetCellsOfFile(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), "trasig.xlsx");
  expect(read).toEqual({ ok: false, message: expect.stringContaining("trasig.xlsx") });
});

test("tkr or kr from the user when the header does not say, and never against the header", () => {
  const cells: Cell[][] = [
    ["Verksamhet", "Netto budget 2025"],
    ["Team Norr", -7500],
  ];
  expect(readBudget({ source: "b.csv", cells }).problems.map((p) => p.code)).toContain("financeUnitUnknown");
  const told = readBudget({ source: "b.csv", cells }, "tkr");
  expect(told.table.unit).toBe("tkr");
  expect(told.lines).toContain("Belopp i tkr (enligt valet --enhet)");
  expect(told.problems.map((p) => p.code)).not.toContain("financeUnitUnknown");
});

describe("budgetOfWorkbook", () => {
  const budgetSheet = { name: "Budget", cells: DEMO_LIKE_BUDGET as Cell[][] };
  const other = { name: "Anvisningar", cells: notes };

  it("takes the active sheet when it is a budget table", () => {
    const second = { name: "Budget 2024", cells: DEMO_LIKE_BUDGET as Cell[][] };
    const found = budgetOfWorkbook({ file: "b.xlsx", active: "Budget 2024", sheets: [budgetSheet, second] });
    expect(found?.sheet).toBe("Budget 2024");
    expect(found?.source).toBe("b.xlsx");
  });

  it("finds the budget sheet when another sheet is active", () => {
    const found = budgetOfWorkbook({ file: "b.xlsx", active: "Anvisningar", sheets: [other, budgetSheet] });
    expect(found?.sheet).toBe("Budget");
    expect(found?.cells).toBe(budgetSheet.cells);
  });

  it("is undefined for a workbook without a budget table (a unit's follow-up, say)", () => {
    expect(budgetOfWorkbook({ file: "enhet.xlsx", active: "Anvisningar", sheets: [other] })).toBeUndefined();
  });
});

test("rows are matched by name; a confirmed mapping pairs the rest next time", () => {
  const read = budgetCellsOfFile(demoLikeBudget(), "budget-2025.xlsx");
  if (!read.ok) throw new Error(read.message);
  const reading = readBudget(read.budget);
  const first = matchBudget(reading, DEMO_UNITS);
  expect(first.matched.map((m) => m.row)).toEqual(["Team Norr", "Team Söder", "Team Väster"]);
  expect(first.unmatchedRows.map((r) => [r.row, r.rowNumbers])).toEqual([
    ["Öster", [5]],
    ["Gemensamt", [6]],
  ]);
  const mapping = confirmMapping(first, [
    { row: "Öster", unit: "Team Öster" },
    { row: "Gemensamt", unit: null },
  ]);
  const next = matchBudget(reading, DEMO_UNITS, mapping);
  expect(next.unmatchedRows).toEqual([]);
  expect(next.unmatchedUnits).toEqual([]);
  expect(next.ignored.map((r) => r.row)).toEqual(["Gemensamt"]);
});

test("standalone: the level-2 download gets the Ekonomi sheet, with the budget's money per unit and the mapping in use", async () => {
  const psyk = catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard");
  if (!psyk) throw new Error("psykiatrisk-hemsjukvard saknas");
  const collected = collectedFor(psyk);
  const reading = readBudget({ source: "budget.xlsx", sheet: "Budget", cells: budgetCells() });
  const mapping = confirmMapping(matchBudget(reading, ["Enhet A", "Enhet B", "Enhet C", "Enhet D"]), [
    { row: "Övergripande", unit: null },
  ]);
  const finance = financeOf(collected, reading, mapping, "budget.mappning.json");
  expect(finance.match.ignored.map((r) => r.row)).toEqual(["Övergripande"]);
  expect(financeNotes(finance, reading).every((p) => !reading.problems.includes(p))).toBe(true);
  const { bytes, fileName } = await level2WithEkonomi(collected, finance);
  expect(fileName).toBe("niva2_psykiatrisk-hemsjukvard_2025H1.xlsx");
  const book = XLSX.read(bytes, { type: "array" });
  expect(book.SheetNames).toContain("Ekonomi");
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Ekonomi ?? {}, { header: 1 });
  const unitA = rows.find((r) => r[0] === "Enhet A");
  // Budget intäkter and kostnader of "Enhet A" as positive tkr.
  expect(unitA?.slice(1, 4)).toEqual(["Enhet A", 1200, 9800]);
  expect(rows.some((r) => r[0] === "Övergripande")).toBe(true);
});
