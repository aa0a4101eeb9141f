/**
 * The table's sign convention, read from the table itself: the sign most income and cost cells
 * carry, and whether netto is income − cost or cost − income (from the rows that show all three;
 * in a table with netto only, from the sign most netto figures carry, net costs being the rule).
 * Summa rows do not vote: they follow the rows.
 */
import type { AmountKind, AmountSeries, BudgetRow, BudgetTable, SignConvention } from "./model";

export type Sign = 1 | -1;

/** The series of a column without its kind: the budget 2021 of intäkter, kostnader and netto is one group. */
export function groupKey(series: AmountSeries): string {
  return JSON.stringify([series.scenario ?? null, series.year ?? null, series.period ?? null]);
}

/** For each group of columns (scenario, year), the column index of each kind present. */
export function columnGroups(table: BudgetTable): Map<string, Partial<Record<AmountKind, number>>> {
  const groups = new Map<string, Partial<Record<AmountKind, number>>>();
  table.amountColumns.forEach((col, i) => {
    const key = groupKey(col.series);
    const group = groups.get(key) ?? {};
    group[col.series.kind] = i;
    groups.set(key, group);
  });
  return groups;
}

function majority(values: number[]): Sign | undefined {
  const negative = values.filter((v) => v < 0).length;
  const positive = values.filter((v) => v > 0).length;
  return negative > positive ? -1 : positive > negative ? 1 : undefined;
}

function valuesOf(table: BudgetTable, kind: AmountKind): number[] {
  const columns = table.amountColumns.flatMap((c, i) => (c.series.kind === kind ? [i] : []));
  return table.rows
    .filter((r) => !r.isSumma)
    .flatMap((r) => columns.map((i) => r.amounts[i]).filter((v) => v !== undefined));
}

/** Netto in positive magnitudes (income − cost) from a row's own printed figures under the given signs. */
export function magnitudeNet(
  row: BudgetRow,
  group: Partial<Record<AmountKind, number>>,
  income: Sign,
  cost: Sign,
): number | undefined {
  const i = group.intakter === undefined ? undefined : row.amounts[group.intakter];
  const k = group.kostnader === undefined ? undefined : row.amounts[group.kostnader];
  if (i === undefined || k === undefined) return undefined;
  return income * i - cost * k;
}

export function detectSigns(table: BudgetTable): SignConvention {
  const signs: SignConvention = {};
  const income = majority(valuesOf(table, "intakter"));
  const cost = majority(valuesOf(table, "kostnader"));
  if (income) signs.intakter = income;
  if (cost) signs.kostnader = cost;
  const votes: number[] = [];
  if (income && cost) {
    for (const group of columnGroups(table).values()) {
      if (group.netto === undefined) continue;
      for (const row of table.rows) {
        const net = magnitudeNet(row, group, income, cost);
        const printed = row.amounts[group.netto];
        if (net === undefined || printed === undefined || net === 0) continue;
        if (Math.abs(printed - net) <= 1) votes.push(1);
        else if (Math.abs(printed + net) <= 1) votes.push(-1);
      }
    }
  }
  // Without rows showing all three, the sign most netto figures carry: a net cost is the rule for a verksamhet.
  const netto = votes.length > 0 ? majority(votes) : majority(valuesOf(table, "netto").map((v) => -v));
  if (netto && table.amountColumns.some((c) => c.series.kind === "netto")) signs.netto = netto;
  return signs;
}

/** Printed netto in terms of the printed figures: "intäkter + kostnader" when costs are negative. */
function printedNetFormula(income: Sign, cost: Sign, netto: Sign): string {
  const terms: [number, string][] = [
    [netto * income, "intäkter"],
    [-netto * cost, "kostnader"],
  ];
  terms.sort((a, b) => b[0] - a[0]);
  return terms
    .map(([sign, word], i) => (i === 0 ? (sign < 0 ? `−${word}` : word) : `${sign < 0 ? "−" : "+"} ${word}`))
    .join(" ");
}

/** The convention in words, for the Ekonomi sheet and the recognition report. */
export function describeSigns(signs: SignConvention): string {
  const parts: string[] = [];
  if (signs.intakter) parts.push(`intäkter ${signs.intakter === 1 ? "positiva" : "negativa"}`);
  if (signs.kostnader) parts.push(`kostnader ${signs.kostnader === 1 ? "positiva" : "negativa"}`);
  if (signs.netto && signs.intakter && signs.kostnader)
    parts.push(`netto = ${printedNetFormula(signs.intakter, signs.kostnader, signs.netto)}`);
  if (signs.netto)
    parts.push(signs.netto === 1 ? "en nettokostnad är negativ" : "en nettokostnad är positiv");
  return parts.length > 0
    ? `Tecken i tabellen: ${parts.join(", ")}.`
    : "Tabellens teckenkonvention framgår inte.";
}

/** A printed figure in positive magnitudes: income and cost ≥ 0, netto = income − cost (negative = net cost). */
export function toMagnitude(kind: AmountKind, printed: number, signs: SignConvention): number | undefined {
  const sign =
    kind === "intakter"
      ? signs.intakter
      : kind === "kostnader"
        ? signs.kostnader
        : kind === "netto"
          ? signs.netto
          : 1;
  return sign === undefined ? undefined : sign * printed;
}
