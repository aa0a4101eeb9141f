/**
 * Ekonomi test material: a budget table for the level-2 fixture's units (ledger style, tkr,
 * costs printed negative, budget and utfall over intäkter, kostnader, netto), read and rolled up
 * with the fixture's reports into the finance bundle the Ekonomi sheet is written from.
 */
import { financeRollup, readBudgetTable, type Cell, type FinanceRollup } from "../../src/core/finance";
import type { UnitReport, Uppdrag } from "../../src/core/model";
import type { CollectedRollup } from "../../src/workbook/collect";
import { collectedFor, fixtureReports } from "./level2Fixture";

/** Intäkter, kostnader and netto as printed (costs negative); null for a blank cell. */
export type Printed = [intakter: number | null, kostnader: number | null, netto: number | null];

/** A budget row: its label, the annual budget and the period's utfall. */
export interface BudgetLine {
  row: string;
  budget: Printed;
  utfall: Printed;
}

/** Enhet A and C as named, "Enhet-B" through the name key, D without a row, and a row that is no unit. */
export const BUDGET_LINES: BudgetLine[] = [
  { row: "Enhet A", budget: [1200, -9800, -8600], utfall: [640, -5020, -4380] },
  { row: "Enhet-B", budget: [300, -4100, -3800], utfall: [120, -2210, -2090] },
  { row: "Enhet C", budget: [0, -2600, -2600], utfall: [10, -1190, -1180] },
  { row: "Övergripande", budget: [50, -900, -850], utfall: [20, -480, -460] },
];

export function budgetCells(lines: readonly BudgetLine[] = BUDGET_LINES): Cell[][] {
  const amounts = (l: BudgetLine) => [...l.budget, ...l.utfall];
  const sum = (i: number) => lines.reduce((a, l) => a + (amounts(l)[i] ?? 0), 0);
  return [
    ["tkr", "Budget 2025", null, null, "Utfall 2025", null, null],
    ["Verksamhet", "Intäkter", "Kostnader", "Netto", "Intäkter", "Kostnader", "Netto"],
    ...lines.map((l) => [l.row, ...amounts(l)]),
    ["Summa", ...[0, 1, 2, 3, 4, 5].map(sum)],
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
