/**
 * Checks on a recognised budget table: Summa rows against their rows (rounding allowance
 * n × 0,5 in the table's unit, each figure being rounded on its own), netto against intäkter and
 * kostnader (1 in the table's unit), and signs against the table's own convention.
 */
import type { FinanceProblemCode } from "../messages/codes";
import { financeProblem } from "./financeProblem";
import { toMicro } from "../exact";
import type { Problem, Severity } from "../model";
import { describeSeries } from "./headers";
import type { AmountKind, BudgetRow, BudgetTable } from "./model";
import { cellRef } from "./recognise";
import { columnGroups, magnitudeNet, type Sign } from "./signs";
import { present } from "../invariant";

const HALF = 500_000n; // 0,5 in micro-units
const ONE = 1_000_000n;

const abs = (n: bigint) => (n < 0n ? -n : n);

/** "rad 4–7" or "rad 4": the rows a Summa row adds up. */
function rowSpan(rows: readonly BudgetRow[]): string {
  const first = present(rows[0], "summaradens första rad").rowNumber;
  const last = present(rows[rows.length - 1], "summaradens sista rad").rowNumber;
  return first === last ? `rad ${first}` : `rad ${first}–${last}`;
}

/**
 * The rows a Summa row adds up: the rows since the previous Summa row; when there are none (a
 * total under subtotals), every row above it. With a period column, only rows of its period.
 */
export function summaBlocks(table: BudgetTable): { summa: BudgetRow; rows: BudgetRow[] }[] {
  const blocks: { summa: BudgetRow; rows: BudgetRow[] }[] = [];
  let start = 0;
  table.rows.forEach((row, i) => {
    if (!row.isSumma) return;
    const samePeriod = (r: BudgetRow) => !r.isSumma && r.period === row.period;
    let rows = table.rows.slice(start, i).filter(samePeriod);
    if (rows.length === 0) rows = table.rows.slice(0, i).filter(samePeriod);
    if (rows.length > 0) blocks.push({ summa: row, rows });
    start = i + 1;
  });
  return blocks;
}

export function checkBudgetTable(table: BudgetTable): Problem[] {
  const problems: Problem[] = [];
  const report = (
    code: FinanceProblemCode,
    severity: Severity,
    row: BudgetRow,
    columnIndex: number,
    params: Record<string, string | number>,
  ) =>
    problems.push(
      financeProblem(
        code,
        severity,
        {
          file: table.source,
          ...(table.sheet ? { sheet: table.sheet } : {}),
          cell: cellRef(columnIndex, row.index),
        },
        { row: row.rowNumber, label: row.label, ...params },
      ),
    );

  for (const kind of ["intakter", "kostnader"] as const) {
    // Only figures other than 0 tell a sign: a column of zeros (a team without income) has nothing to check.
    const columns = table.amountColumns.flatMap((c, i) => (c.series.kind === kind ? [i] : []));
    const signed = table.rows.some((r) => columns.some((i) => (r.amounts[i] ?? 0) !== 0));
    if (signed && table.signs[kind] === undefined) {
      problems.push({
        code: "financeSignUnknown",
        severity: "varning",
        location: { file: table.source, ...(table.sheet ? { sheet: table.sheet } : {}) },
        params: { kind: kind === "intakter" ? "intäkter" : "kostnader" },
      });
    }
  }

  for (const { summa, rows } of summaBlocks(table)) {
    table.amountColumns.forEach((col, i) => {
      const printed = summa.amounts[i];
      const values = rows.map((r) => r.amounts[i]).filter((v) => v !== undefined);
      if (printed === undefined || values.length === 0) return;
      const total = values.reduce((sum, v) => sum + toMicro(v), 0n);
      if (abs(toMicro(printed) - total) > BigInt(values.length) * HALF) {
        report("financeSumMismatch", "fel", summa, col.index, {
          column: col.letter,
          series: describeSeries(col.series),
          printed,
          sum: Number(total) / 1e6,
          rows: rowSpan(rows),
          count: values.length,
          allowance: values.length * 0.5,
          unit: table.unit ?? "",
        });
      }
    });
  }

  const { intakter: income, kostnader: cost, netto } = table.signs;
  for (const group of columnGroups(table).values()) {
    for (const row of table.rows) checkRowSigns(table, row, group, income, cost, netto, report);
  }
  return problems;
}

type Report = (
  code: FinanceProblemCode,
  severity: Severity,
  row: BudgetRow,
  columnIndex: number,
  params: Record<string, string | number>,
) => void;

/** Netto against intäkter and kostnader, and each sign against the table's; a row that follows another convention is one problem, not three. */
function checkRowSigns(
  table: BudgetTable,
  row: BudgetRow,
  group: Partial<Record<AmountKind, number>>,
  income: Sign | undefined,
  cost: Sign | undefined,
  netto: Sign | undefined,
  report: Report,
) {
  const value = (kind: AmountKind) => {
    const index = group[kind];
    return index === undefined ? undefined : row.amounts[index];
  };
  const column = (kind: AmountKind) => {
    const index = group[kind];
    return present(index === undefined ? undefined : table.amountColumns[index], `kolumnen för ${kind}`);
  };
  const i = value("intakter");
  const k = value("kostnader");
  const n = value("netto");
  const incomeFlipped = income !== undefined && i !== undefined && i !== 0 && Math.sign(i) !== income;
  const costFlipped = cost !== undefined && k !== undefined && k !== 0 && Math.sign(k) !== cost;

  if (income && cost && netto && n !== undefined && i !== undefined && k !== undefined) {
    const net = present(magnitudeNet(row, group, income, cost), "radens netto");
    if (abs(toMicro(n) - toMicro(netto * net)) > ONE) {
      // Does the row add up under another convention (its own signs, or netto turned)?
      const ownNet = present(
        magnitudeNet(
          row,
          group,
          incomeFlipped ? (-income as Sign) : income,
          costFlipped ? (-cost as Sign) : cost,
        ),
        "radens netto",
      );
      const fits = (x: number) => abs(toMicro(n) - toMicro(x)) <= ONE;
      const otherConvention = fits(-netto * net) || fits(netto * ownNet) || fits(-netto * ownNet);
      const col = column("netto");
      if (otherConvention) {
        report("financeRowSignDiffers", "fel", row, col.index, {
          column: col.letter,
          series: describeSeries(col.series),
          intakter: i,
          kostnader: k,
          netto: n,
        });
        return;
      }
      report("financeNetMismatch", "fel", row, col.index, {
        column: col.letter,
        series: describeSeries(col.series),
        intakter: i,
        kostnader: k,
        netto: n,
        expected: netto * net,
        unit: table.unit ?? "",
      });
    }
  }
  if (incomeFlipped && costFlipped) {
    const col = column("kostnader");
    report("financeRowSignDiffers", "fel", row, col.index, {
      column: col.letter,
      series: describeSeries(col.series),
      intakter: i,
      kostnader: k,
      netto: n ?? "",
    });
    return;
  }
  if (costFlipped) {
    const col = column("kostnader");
    report(cost === 1 ? "financeNegativeCost" : "financePositiveCost", "varning", row, col.index, {
      column: col.letter,
      series: describeSeries(col.series),
      value: k,
    });
  }
  if (incomeFlipped) {
    const col = column("intakter");
    report(income === 1 ? "financeNegativeIncome" : "financePositiveIncome", "varning", row, col.index, {
      column: col.letter,
      series: describeSeries(col.series),
      value: i,
    });
  }
}
