/**
 * The demo's finance files: the empty budget workbook `ekonomi-mall` writes for the demo's units,
 * and the budget table finance brings instead (as exported from the ledger: costs printed
 * negative, netto = intäkter + kostnader, a Summa row), with one planted mistake that the checks
 * of `uppfoljning ekonomi` find: the Summa of budgeted costs is 100 tkr off the sum of its rows,
 * far beyond the rounding allowance (and so netto on the Summa row no longer adds up either).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Uppdrag } from "../core/model";
import { writeBudgetTemplate } from "../workbook/budgetTemplate";
import { TOOL_NAME } from "../workbook/template";

export const DEMO_BUDGET_FILE = "budget-2025.xlsx";
export const DEMO_BUDGET_TEMPLATE_FILE = "budgetmall-2025H1.xlsx";
/** How far off the planted Summa is, in tkr. */
export const PLANTED_SUMMA_ERROR = 100;

export interface DemoBudgetUnit {
  unit: string;
  /** Budget 2025 and utfall 2025H1 in tkr, as magnitudes: [intäkter, kostnader]. */
  budget: [number, number];
  utfall: [number, number];
}

/** Plausible figures per unit, from its årsarbetare (a team's cost is mostly its staff). */
export function demoBudgetUnits(units: readonly { unit: string; fte?: number }[]): DemoBudgetUnit[] {
  return units.map(({ unit, fte = 2 }, i) => {
    const cost = Math.round(fte * 720 + 310 + i * 17);
    const income = Math.round(40 + i * 6);
    return {
      unit,
      budget: [income, cost],
      utfall: [Math.round(income * 0.47), Math.round(cost * 0.52)],
    };
  });
}

/** The rows of the ledger-style table, header included; costs printed negative. Summa is right here. */
export function demoBudgetRows(units: readonly DemoBudgetUnit[]): (string | number | null)[][] {
  const line = (label: string, b: [number, number], u: [number, number]) => [
    label,
    b[0],
    -b[1],
    b[0] - b[1],
    u[0],
    -u[1],
    u[0] - u[1],
  ];
  const sum = (pick: (u: DemoBudgetUnit) => [number, number]): [number, number] => [
    units.reduce((s, u) => s + pick(u)[0], 0),
    units.reduce((s, u) => s + pick(u)[1], 0),
  ];
  return [
    ["Driftredovisning Psykiatrisk hemsjukvård", null, null, null, null, null, null],
    [null, null, null, null, null, null, null],
    [null, "Budget 2025 (tkr)", null, null, "Utfall 2025H1 (tkr)", null, null],
    ["Enhet", "Intäkter", "Kostnader", "Netto", "Intäkter", "Kostnader", "Netto"],
    ...units.map((u) => line(u.unit, u.budget, u.utfall)),
    line(
      "Summa",
      sum((u) => u.budget),
      sum((u) => u.utfall),
    ),
  ];
}

/**
 * Writes into `folder` the empty budget workbook for the units and the filled ledger table with
 * its planted mistake. Returns the paths and the mistake in words, for the demo to print.
 */
export async function writeDemoBudget(
  folder: string,
  uppdrag: Uppdrag,
  units: readonly { unit: string; fte?: number }[],
  period = "2025H1",
): Promise<{ template: string; budget: string; planted: string }> {
  fs.mkdirSync(folder, { recursive: true });
  const template = path.join(folder, DEMO_BUDGET_TEMPLATE_FILE);
  fs.writeFileSync(
    template,
    await writeBudgetTemplate(uppdrag, { units: units.map((u) => u.unit), period, createdAt: new Date(0) }),
  );

  const rows = demoBudgetRows(demoBudgetUnits(units));
  const summa = rows[rows.length - 1];
  if (summa && typeof summa[2] === "number") summa[2] -= PLANTED_SUMMA_ERROR; // budgeted costs, printed negative
  const wb = new ExcelJS.Workbook();
  wb.creator = TOOL_NAME;
  const ws = wb.addWorksheet("Driftredovisning");
  ws.addRows(rows);
  ws.getColumn(1).width = 30;
  for (let c = 2; c <= 7; c++) ws.getColumn(c).numFmt = "#,##0";
  ws.getRow(1).font = { bold: true };
  ws.getRow(4).font = { bold: true };
  const budget = path.join(folder, DEMO_BUDGET_FILE);
  fs.writeFileSync(budget, new Uint8Array(await wb.xlsx.writeBuffer()));
  return {
    template,
    budget,
    planted: `summaraden för budgeterade kostnader (rad ${rows.length}, kolumn C) är ${PLANTED_SUMMA_ERROR} tkr fel, så också netto på summaraden går inte ihop`,
  };
}
