/**
 * Ekonomi test material: a budget table for the level-2 fixture's units (ledger style, tkr,
 * costs printed negative, budget and utfall over intäkter, kostnader, netto), read and rolled up
 * with the fixture's reports into the finance bundle the Ekonomi sheet is written from.
 */
import { financeRollup, readBudgetTable, type Cell, type FinanceRollup } from "../../src/core/finance";
import type { UnitReport, Uppdrag } from "../../src/core/model";
import type { CollectedRollup } from "../../src/workbook/collect";
import { collectedFor, fixtureReports } from "./level2Fixture";

/** Budget and utfall per budget row: [label, budget intäkter, kostnader, netto, utfall intäkter, kostnader, netto]. */
export type BudgetLine = [string, ...(number | null)[]];

/** Enhet A and C as named, "Enhet-B" through the name key, D without a row, and a row that is no unit. */
export const BUDGET_LINES: BudgetLine[] = [
  ["Enhet A", 1200, -9800, -8600, 640, -5020, -4380],
  ["Enhet-B", 300, -4100, -3800, 120, -2210, -2090],
  ["Enhet C", 0, -2600, -2600, 10, -1190, -1180],
  ["Övergripande", 50, -900, -850, 20, -480, -460],
];

export function budgetCells(lines: readonly BudgetLine[] = BUDGET_LINES): Cell[][] {
  const sum = (i: number) => lines.reduce((a, l) => a + ((l[i] as number | null) ?? 0), 0);
  return [
    ["tkr", "Budget 2025", null, null, "Utfall 2025", null, null],
    ["Verksamhet", "Intäkter", "Kostnader", "Netto", "Intäkter", "Kostnader", "Netto"],
    ...lines.map((l) => [...l] as Cell[]),
    ["Summa", ...[1, 2, 3, 4, 5, 6].map(sum)],
  ];
}

export interface EkonomiCase {
  uppdrag: Uppdrag;
  reports: UnitReport[];
  collected: CollectedRollup;
  finance: FinanceRollup;
}

export function ekonomiCase(uppdrag: Uppdrag, lines: readonly BudgetLine[] = BUDGET_LINES): EkonomiCase {
  const reports = fixtureReports(uppdrag);
  const collected = collectedFor(uppdrag, reports);
  const { table, problems } = readBudgetTable(budgetCells(lines), { source: "budget.xlsx", sheet: "Budget" });
  const finance = financeRollup(uppdrag, collected.result, { table, tableProblems: problems });
  return { uppdrag, reports, collected, finance };
}
