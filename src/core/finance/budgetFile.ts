/**
 * One call for a front end: recognise the table and run its checks, and say in Swedish what was
 * recognised (for `uppfoljning ekonomi <fil>` and the task pane), so the user sees every column's
 * reading and every column that was left out.
 */
import type { Problem } from "../model";
import { checkBudgetTable, summaBlocks } from "./checks";
import { describeSeries } from "./headers";
import type { BudgetTable, Cell, RecogniseOptions } from "./model";
import { recogniseBudgetTable } from "./recognise";
import { describeSigns } from "./signs";
import { present } from "../invariant";

export function readBudgetTable(
  cells: readonly (readonly Cell[])[],
  options: RecogniseOptions,
): { table: BudgetTable; problems: Problem[] } {
  const table = recogniseBudgetTable(cells, options);
  return { table, problems: [...table.problems, ...checkBudgetTable(table)] };
}

/** What was recognised, one line each: label column, each amount column, what was left out, unit, signs, Summa rows. */
export function recognitionLines(table: BudgetTable): string[] {
  const lines: string[] = [];
  if (table.label)
    lines.push(
      `Kolumn ${table.label.letter} ("${table.label.header}"): ${table.kind === "investering" ? "investering" : "verksamhet"} (radernas namn)`,
    );
  if (table.periodColumn)
    lines.push(`Kolumn ${table.periodColumn.letter} ("${table.periodColumn.header}"): period`);
  for (const c of table.amountColumns) {
    lines.push(
      `Kolumn ${c.letter} ("${c.header}"): ${describeSeries(c.series)}${c.assumedNet ? " (rubriken anger inte slag; läst som netto)" : ""}`,
    );
  }
  for (const c of table.unplaced) {
    lines.push(
      `Kolumn ${c.letter} ("${c.header || "utan rubrik"}"): används inte (${c.why === "duplicate" ? "samma betydelse som en tidigare kolumn" : "rubriken kunde inte tolkas"})`,
    );
  }
  if (table.unit)
    lines.push(
      `Belopp i ${table.unit} (${table.unitFrom === "header" ? "enligt rubriken" : "enligt valet --enhet"})`,
    );
  else lines.push("Beloppens enhet (tkr eller kr) är okänd");
  lines.push(describeSigns(table.signs));
  for (const { summa, rows } of summaBlocks(table)) {
    const first = present(rows[0], "summaradens första rad");
    const last = present(rows[rows.length - 1], "summaradens sista rad");
    lines.push(`Rad ${summa.rowNumber} ("${summa.label}") summerar rad ${first.rowNumber}–${last.rowNumber}`);
  }
  if (table.kind === "investering") lines.push("Tabellen gäller investeringar, inte driftkostnader.");
  return lines;
}
