/**
 * A unit's money from the budget table: per scenario, intäkter, kostnader and netto in tkr as
 * positive magnitudes (netto = intäkter − kostnader, negative for a net cost), summed exactly over
 * the rows mapped to the unit. A row missing a figure makes the unit's figure missing, not smaller.
 */
import { fromMicro, toMicro } from "../exact";
import type { Problem } from "../model";
import type { AmountColumn, BudgetTable, Scenario } from "./model";
import type { RowMatch } from "./mapping";
import { matchKey } from "./mapping";
import { toMagnitude } from "./signs";

export type MoneyKind = "intakter" | "kostnader" | "netto";
export type UnitMoney = Partial<Record<Scenario, Partial<Record<MoneyKind, number>>>>;

export interface MoneySelection {
  /** Columns of this year (or with no year in the header): the follow-up period's year. */
  year?: number;
  /**
   * The follow-up period: rows of this period in a table with a period column, and of columns
   * headed with a period (Utfall 2025T1) only this one. A column with a year or nothing is taken
   * as the period's utfall (ledger exports give utfall to date).
   */
  period?: string;
}

/** A column of the selected year and period (a column silent about either fits any). */
function selected(series: AmountColumn["series"], selection: MoneySelection): boolean {
  if (series.year !== undefined && selection.year !== undefined && series.year !== selection.year)
    return false;
  if (series.period !== undefined && selection.period !== undefined && series.period !== selection.period)
    return false;
  return true;
}

/** Budget columns exist, but none for the selected year: say so, rather than show every unit without budget. */
export function selectionProblems(table: BudgetTable, selection: MoneySelection): Problem[] {
  const problems: Problem[] = [];
  for (const scenario of ["budget", "utfall"] as const) {
    const columns = table.amountColumns.filter(
      (c) => c.series.scenario === scenario && c.series.kind !== "skillnad",
    );
    if (columns.length > 0 && !columns.some((c) => selected(c.series, selection))) {
      const found = [...new Set(columns.map((c) => c.series.period ?? String(c.series.year ?? "")))].join(
        ", ",
      );
      problems.push({
        code: "financeNoColumnForPeriod",
        severity: "fel",
        location: { file: table.source, ...(table.sheet ? { sheet: table.sheet } : {}) },
        params: { scenario, period: selection.period ?? String(selection.year ?? ""), found },
      });
    }
  }
  return problems;
}

/** tkr in micro-units from a printed figure in the table's unit. */
function tkrMicro(value: number, unit: "tkr" | "kr"): bigint {
  return unit === "tkr" ? toMicro(value) : toMicro(value) / 1000n;
}

/** Each matched unit's money; empty when the table's unit is unknown (never guessed). */
export function unitMoney(
  table: BudgetTable,
  matched: readonly RowMatch[],
  selection: MoneySelection = {},
): Map<string, UnitMoney> {
  const result = new Map<string, UnitMoney>();
  const unit = table.unit;
  if (!unit) return result;
  const columns = table.amountColumns.flatMap((col, i) =>
    col.series.kind !== "skillnad" && col.series.scenario && selected(col.series, selection)
      ? [{ col, i, scenario: col.series.scenario }]
      : [],
  );
  const rowsOf = new Map<string, typeof table.rows>();
  for (const m of matched) {
    const keys = new Set([matchKey(m.row)]);
    const rows = table.rows.filter(
      (r) =>
        !r.isSumma &&
        keys.has(matchKey(r.label)) &&
        (selection.period === undefined || !table.periodColumn || r.period === selection.period),
    );
    rowsOf.set(m.unit, [...(rowsOf.get(m.unit) ?? []), ...rows]);
  }
  for (const [unitName, rows] of rowsOf) {
    const money: UnitMoney = {};
    for (const { col, i, scenario } of columns) {
      const kind = col.series.kind as MoneyKind;
      let total = 0n;
      let complete = rows.length > 0;
      for (const row of rows) {
        const printed = row.amounts[i];
        const magnitude = printed === undefined ? undefined : toMagnitude(kind, printed, table.signs);
        if (magnitude === undefined) complete = false;
        else total += tkrMicro(magnitude, unit);
      }
      if (complete) (money[scenario] ??= {})[kind] = fromMicro(total);
    }
    // Netto from intäkter and kostnader when the table has no netto column.
    for (const figures of Object.values(money)) {
      if (figures.netto === undefined && figures.intakter !== undefined && figures.kostnader !== undefined) {
        figures.netto = fromMicro(toMicro(figures.intakter) - toMicro(figures.kostnader));
      }
    }
    result.set(unitName, money);
  }
  return result;
}
