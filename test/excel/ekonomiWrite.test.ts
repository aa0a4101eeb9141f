/**
 * The Ekonomi sheet written into the active workbook with Office.js: the layout's cells as they
 * are (formulas live, inputs yellow, the deviation highlight a conditional format), in two
 * round trips for 2 units as for 40, with formulas pointing at the name the level-2 sheet got
 * in this workbook.
 */
import * as XLSX from "xlsx";
import { financeRollup, readBudgetTable } from "../../src/core/finance";
import type { UnitReport } from "../../src/core/model";
import { createExcelHost } from "../../src/excel/excelHost";
import { memoryFillStore } from "../../src/excel/fillMemory";
import { memoryMappingStore } from "../../src/excel/mappingStore";
import { EKONOMI_FILLS, ekonomiBlock } from "../../src/excel/ekonomiWrite";
import { ekonomiLayoutOf } from "../../src/taskpane/budgetOps";
import { writeLevel2 } from "../../src/workbook/writeLevel2";
import { budgetCells, type BudgetLine } from "../workbook/ekonomiFixture";
import { catalog, collectedFor, fixtureReports } from "../workbook/level2Fixture";
import { FakeWorkbook } from "./fakeExcel";

/** The value, or a failed test saying what was missing. */
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} saknas`);
  return value;
}

const psyk = must(
  catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard"),
  "psykiatrisk-hemsjukvard",
);

/** n units with the fixture's first unit's values, each with a budget row of its own name. */
function caseOf(n: number) {
  const base = must(fixtureReports(psyk)[0], "the fixture's first unit");
  const reports: UnitReport[] = Array.from({ length: n }, (_, i) => ({
    ...base,
    unit: `Enhet ${i + 1}`,
    file: `enhet-${i + 1}.xlsx`,
  }));
  const lines: BudgetLine[] = reports.map((r, i) => ({
    row: r.unit,
    budget: [100, -1000 - i, -900 - i],
    utfall: [40, -560 - i, -520 - i],
  }));
  const collected = collectedFor(psyk, reports);
  const { table, problems } = readBudgetTable(budgetCells(lines), { source: "budget.xlsx", sheet: "Budget" });
  const finance = financeRollup(psyk, collected.result, { table, tableProblems: problems });
  return { collected, layout: ekonomiLayoutOf(collected, finance) };
}

const hostFor = (wb: FakeWorkbook) =>
  createExcelHost({
    run: wb.run,
    isSetSupported: () => true,
    fills: memoryFillStore(),
    mappings: memoryMappingStore(),
    loadXlsx: async () => XLSX,
  });

test.each([2, 40])("%i units: the Ekonomi sheet in two round trips", async (n) => {
  const { layout } = caseOf(n);
  expect(layout.lastUnitRow - layout.firstUnitRow + 1).toBe(n);
  const wb = new FakeWorkbook([{ name: "Nivå 2" }]);
  const name = await hostFor(wb).writeEkonomiSheet(layout);
  expect(name).toBe("Ekonomi");
  expect(wb.syncs).toBe(2);
  expect(wb.runs).toBe(1);
  // Every cell of the layout is there: formulas as formulas, constants as they are.
  const sheet = must(wb.sheet("Ekonomi"), "the Ekonomi sheet");
  for (const cell of layout.cells) {
    const value = sheet.cells.get(cell.address)?.value;
    if (cell.formula !== undefined) expect(value).toBe(`=${cell.formula}`);
    else if (cell.value === null || cell.value === undefined) expect(value).toBeUndefined();
    else expect(value).toBe(cell.value);
  }
  // Inputs yellow, the deviation highlight live, the header frozen, the sheet shown.
  const inputs = layout.cells.filter((c) => c.role === "input").map((c) => c.address);
  expect(inputs.filter((a) => sheet.cells.get(a)?.fill !== EKONOMI_FILLS.input)).toEqual([]);
  const conditional = wb.log.filter((o) => o.op === "conditionalFormat");
  expect(conditional).toEqual(
    layout.highlights.map((h) => expect.objectContaining({ address: h.range, formula: `=${h.formula}` })),
  );
  expect(layout.highlights.length).toBeGreaterThan(0);
  expect(wb.log).toContainEqual({ op: "freeze", sheet: "Ekonomi", address: `A1:A${layout.headerRow}` });
  expect(wb.log[wb.log.length - 1]).toEqual({ op: "activate", sheet: "Ekonomi" });
});

test("formulas point at the level-2 sheet as delivered here: 'Nivå 2 (2)' when 'Nivå 2' was taken", async () => {
  const { collected, layout } = caseOf(2);
  const wb = new FakeWorkbook([{ name: "Nivå 2" }, { name: "Ekonomi" }]);
  const host = hostFor(wb);
  await host.deliverLevel2(await writeLevel2(collected), "niva2.xlsx");
  expect(wb.sheet("Nivå 2 (2)")).toBeDefined();
  wb.syncs = 0;
  expect(await host.writeEkonomiSheet(layout)).toBe("Ekonomi (2)");
  expect(wb.syncs).toBe(2);
  const formulas = [...must(wb.sheet("Ekonomi (2)"), "Ekonomi (2)").cells.values()]
    .map((c) => c.value)
    .filter((v): v is string => typeof v === "string" && v.startsWith("="));
  const toLevel2 = formulas.filter((f) => f.includes("Nivå 2"));
  expect(toLevel2.length).toBeGreaterThan(0);
  expect(toLevel2.filter((f) => !f.includes("'Nivå 2 (2)'!"))).toEqual([]);
});

test("a unit's name that looks like a formula or a number stays text", () => {
  const { layout } = caseOf(2);
  const cells = layout.cells.map((c) =>
    c.address === `A${layout.firstUnitRow}` ? { ...c, value: "=HYPERLINK(1)" } : c,
  );
  const block = ekonomiBlock({ ...layout, cells }, new Map());
  expect(block.formulas[layout.firstUnitRow - 1]?.[0]).toBe("'=HYPERLINK(1)");
  expect(block.address).toMatch(/^A1:[A-Z]+\d+$/);
});
