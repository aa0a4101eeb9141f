/**
 * The Nivå 2 sheet's history and target columns (issue 12), right after the level-2 figure: the
 * latest earlier period's level-2 value, the change, the target and its status. Change and status
 * are formulas over the level-2 cell, as on Översikt, so a corrected figure carries through when
 * the workbook is recalculated; each formula carries its result. Without a comparison, no columns.
 */
import type ExcelJS from "exceljs";
import type { Comparison, TargetOutcome } from "../core/comparison/model";
import { parsePeriod } from "../core/period";
import { LEVEL2_UNIT } from "../core/tidy";
import { columnLetters } from "./a1";
import { addStatusIcons, iconFormula, iconValue, statusFormula } from "./overviewSheet";

type Column = [header: string, width: number];

/** Where each column sits (absent when the comparison has nothing for it), and their headers left to right. */
export interface HistoryColumns {
  earlier?: number;
  change?: number;
  target?: number;
  icon?: number;
  status?: number;
  columns: Column[];
  /** The latest earlier period, whose values the earlier column shows. */
  period?: string;
}

/**
 * The columns after the level-2 column (at `first` and on) for a comparison; none without one.
 * Narrow (44 in all), so that the sheet with a handful of units still prints one page across.
 */
export function historyColumns(comparison: Comparison | undefined, first: number): HistoryColumns {
  const result: HistoryColumns = { columns: [] };
  if (!comparison) return result;
  const add = (column: Column) => first + result.columns.push(column) - 1;
  const period = comparison.periods.at(-1);
  if (period !== undefined) {
    result.period = period;
    result.earlier = add([parsePeriod(period)?.label ?? period, 11]);
    result.change = add(["Förändring", 11]);
  }
  if (comparison.targets.length) {
    result.target = add(["Mål", 8]);
    result.icon = add(["", 4]);
    result.status = add(["Status", 10]);
  }
  return result;
}

/** A string literal in a formula. */
const literal = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** What one measure's row needs: its level-2 value and cell, and the comparison's figures for it. */
export interface HistoryRow {
  row: number;
  level2Ref: string;
  level2Value: number | undefined;
  /** The level-2 cell's number format (change gets a sign). */
  format: string | undefined;
  earlierValue: number | undefined;
  target: TargetOutcome | undefined;
}

/** The comparison's figures per measure on level 2: the latest earlier value and the target outcome. */
export function historyLookup(comparison: Comparison | undefined, period: string | undefined) {
  const earlier = new Map<string, number | undefined>();
  for (const s of comparison?.series ?? [])
    if (s.unit === LEVEL2_UNIT) earlier.set(s.measureId, s.earlier.find((e) => e.period === period)?.value);
  const targets = new Map((comparison?.targets ?? []).map((t) => [t.measureId, t]));
  return { earlier: (id: string) => earlier.get(id), target: (id: string) => targets.get(id) };
}

/** Fills one measure's history and target cells; blank where the measure has no earlier value or target. */
export function writeHistoryCells(excelRow: ExcelJS.Row, cols: HistoryColumns, r: HistoryRow): void {
  const ref = (c: number) => `${columnLetters(c)}${r.row}`;
  if (cols.earlier !== undefined && cols.change !== undefined && r.earlierValue !== undefined) {
    const earlier = excelRow.getCell(cols.earlier);
    earlier.value = r.earlierValue;
    if (r.format) earlier.numFmt = r.format;
    const prev = ref(cols.earlier);
    const change = excelRow.getCell(cols.change);
    change.value = {
      formula: `IF(AND(ISNUMBER(${r.level2Ref}),ISNUMBER(${prev})),${r.level2Ref}-${prev},"")`,
      result: r.level2Value === undefined ? "" : r.level2Value - r.earlierValue,
    };
    if (r.format) change.numFmt = `+${r.format};-${r.format};0`;
  }
  const t = r.target;
  if (t && cols.target !== undefined && cols.icon !== undefined && cols.status !== undefined) {
    const target = excelRow.getCell(cols.target);
    target.value = t.target.target;
    if (r.format) target.numFmt = r.format;
    // Direction and tolerance go into the formula as they are: the Nivå 2 sheet has no room for them.
    excelRow.getCell(cols.status).value = {
      formula: statusFormula(
        r.level2Ref,
        ref(cols.target),
        literal(t.target.better),
        String(t.target.tolerance),
      ),
      result: t.status,
    };
    excelRow.getCell(cols.icon).value = {
      formula: iconFormula(ref(cols.status)),
      result: iconValue(t.status),
    };
  }
}

/** The traffic lights down the icon column, from the first to the last measure row. */
export function addHistoryIcons(
  ws: ExcelJS.Worksheet,
  cols: HistoryColumns,
  firstRow: number,
  lastRow: number,
) {
  if (cols.icon === undefined || lastRow < firstRow) return;
  const letter = columnLetters(cols.icon);
  addStatusIcons(ws, `${letter}${firstRow}:${letter}${lastRow}`);
}
