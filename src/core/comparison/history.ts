/**
 * The current roll-up beside earlier periods' records: per measure, at level 2 and per unit,
 * the earlier values, the change since the latest earlier period, and whether a unit's figure
 * moved so much that the controller should look at it.
 *
 * The current figures are taken from the roll-up's own tidy rows, so the current period and
 * the earlier ones are read the same way. Measures are matched by id (across template
 * versions), units by unitKey (as the roll-up matches them).
 */
import type { Problem, Uppdrag } from "../model";
import type { RollupResult } from "../rollup";
import { compareFileNames } from "../rollup";
import type { PeriodRecord } from "../periodRecord";
import { parsePeriod } from "../period";
import { LEVEL2_UNIT, tidyRows, type TidyRow } from "../tidy";
import { unitKey } from "../unitName";
import { exactSum } from "../exact";
import { hasNumericFigure } from "../catalog";
import { valueTypeOf } from "../valueTypes";
import type { Comparison, HistoryFile, MeasureSeries, PeriodValue, TargetSet } from "./model";
import { targetOutcomes } from "./targets";

/**
 * When a figure "moved": by at least `relative` of the latest earlier value AND by at least
 * `absolute` in the measure's own unit. The floor keeps small numbers quiet (2 → 3 patients is
 * +50 % but nothing to ask about); the share keeps large numbers quiet (1 200 → 1 210).
 * From 0 any change of at least `absolute` counts.
 */
export interface MoveThreshold {
  relative: number;
  absolute: number;
}
export const DEFAULT_MOVE_THRESHOLD: MoveThreshold = { relative: 0.25, absolute: 3 };

export interface HistoryOptions {
  uppdrag: Uppdrag;
  targets?: TargetSet;
  threshold?: MoveThreshold;
}

export function movedBeyond(
  earlier: number | undefined,
  change: number | undefined,
  threshold: MoveThreshold,
): boolean {
  if (earlier === undefined || change === undefined) return false;
  const size = Math.abs(change);
  return size >= threshold.absolute && size >= threshold.relative * Math.abs(earlier);
}

/** Sorts periods by end, then start: 2025H1 before 2025H2 before 2026T1. */
function periodOrder(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  return pa.end.localeCompare(pb.end) || pa.start.localeCompare(pb.start);
}

/**
 * Which records can stand as earlier periods: the uppdrag's own, before the current period,
 * one per period (the first by file name; the others named as duplicates).
 */
export function screenRecords(
  uppdragId: string,
  currentPeriod: string,
  records: readonly PeriodRecord[],
): { used: PeriodRecord[]; files: HistoryFile[]; problems: Problem[] } {
  const current = parsePeriod(currentPeriod);
  const used: PeriodRecord[] = [];
  const files: HistoryFile[] = [];
  const problems: Problem[] = [];
  const byPeriod = new Map<string, PeriodRecord>();
  for (const r of [...records].sort((a, b) => compareFileNames(a.source, b.source))) {
    const file = r.source;
    const where = { file };
    const p = parsePeriod(r.period);
    let problem: Problem | undefined;
    const first = byPeriod.get(r.period);
    if (r.uppdrag !== uppdragId)
      problem = {
        code: "historyOtherUppdrag",
        severity: "varning",
        location: where,
        params: { file, found: r.uppdrag, expected: uppdragId },
      };
    else if (r.period === currentPeriod)
      problem = {
        code: "historySamePeriod",
        severity: "varning",
        location: where,
        params: { file, period: r.period },
      };
    else if (!p || !current || p.end >= current.end)
      problem = {
        code: "historyLaterPeriod",
        severity: "varning",
        location: where,
        params: { file, period: r.period, current: currentPeriod },
      };
    else if (first)
      problem = {
        code: "historyDuplicatePeriod",
        severity: "varning",
        location: where,
        params: { file, period: r.period, other: first.source },
      };
    if (problem) {
      problems.push(problem);
      files.push({ file, period: r.period, used: false, problem });
      continue;
    }
    byPeriod.set(r.period, r);
    used.push(r);
    files.push({ file, period: r.period, used: true });
  }
  used.sort((a, b) => periodOrder(a.period, b.period));
  return { used, files, problems };
}

const seriesKey = (level: 2 | 3, unit: string, measureId: string) =>
  `${level}\u0000${level === 2 ? LEVEL2_UNIT : unitKey(unit)}\u0000${measureId}`;

/** Numeric, one-per-unit rows (not a wait-time list's cases) by level, unit and measure. */
function rowIndex(rows: readonly TidyRow[]): Map<string, TidyRow> {
  const index = new Map<string, TidyRow>();
  for (const r of rows) if (r.caseNumber === null) index.set(seriesKey(r.level, r.unit, r.measureId), r);
  return index;
}

const numberOrMissing = (v: TidyRow["value"] | undefined): number | undefined =>
  typeof v === "number" && Number.isFinite(v) ? v : undefined;

/**
 * The roll-up compared with earlier periods' records (and, given a targets set, the targets
 * judged): one series per numeric measure at level 2 and per unit that reports now.
 */
export function compareWithHistory(
  result: RollupResult,
  records: readonly PeriodRecord[],
  options: HistoryOptions,
): Comparison {
  const { uppdrag } = options;
  const threshold = options.threshold ?? DEFAULT_MOVE_THRESHOLD;
  const screened = screenRecords(uppdrag.id, result.period, records);
  const earlierIndex = screened.used.map((r) => ({ period: r.period, rows: rowIndex(r.rows) }));
  const byId = new Map(uppdrag.measures.map((m) => [m.id, m]));
  const follows = (row: TidyRow) => {
    const m = byId.get(row.measureId);
    if (!m || row.caseNumber !== null) return false;
    return row.level === 2 ? hasNumericFigure(m) : valueTypeOf(m).numeric;
  };
  const series: MeasureSeries[] = tidyRows(uppdrag, result)
    .filter(follows)
    .map((row) => {
      const key = seriesKey(row.level, row.unit, row.measureId);
      const earlier: PeriodValue[] = earlierIndex.map((e) => ({
        period: e.period,
        value: numberOrMissing(e.rows.get(key)?.value),
      }));
      const value = numberOrMissing(row.value);
      const latest = earlier[earlier.length - 1]?.value;
      const change = value !== undefined && latest !== undefined ? exactSum([value, -latest]) : undefined;
      return {
        measureId: row.measureId,
        unit: row.unit,
        earlier,
        current: { period: result.period, value },
        change,
        movedBeyondThreshold: movedBeyond(latest, change, threshold),
      };
    });
  return {
    periods: screened.used.map((r) => r.period),
    series,
    targets: targetOutcomes(options.targets, result.figures),
    problems: screened.problems,
    historyFiles: screened.files,
  };
}
