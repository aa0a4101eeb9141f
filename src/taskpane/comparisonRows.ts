/**
 * History and targets as the pane shows them after Sammanställ: per key measure the level-2
 * value, the latest earlier value, the change and the target status; and every history file
 * that was not used, with the reason. Pure: the Comparison comes from the lazy workbook chunk.
 */
import type { Comparison, TargetStatus } from "../core/comparison/model";
import type { Uppdrag } from "../core/model";
import { keyMeasuresOf } from "../core/catalog";
import { parsePeriod } from "../core/period";
import { LEVEL2_UNIT } from "../core/tidy";
import { problemText } from "../core/messages/sv";

export interface ComparisonRow {
  measureId: string;
  label: string;
  value: string;
  /** "45 (2025 halvår 1)"; "–" without an earlier period. */
  earlier: string;
  /** Signed ("+5", "−3"); "–" when either figure is missing. */
  change: string;
  /** "70 (högre är bättre)"; "–" without a target. */
  target: string;
  status?: TargetStatus;
}

export interface ComparisonView {
  /** The earlier periods used, as labels, oldest first. */
  periods: string[];
  rows: ComparisonRow[];
  /** "fil: varför" for each history file not used. */
  unusedFiles: string[];
  /** Targets for unknown measures and the like (history files' own reasons are in unusedFiles). */
  problems: string[];
}

const NUMBER = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });
const DASH = "–";
const number = (v: number | undefined) => (v === undefined ? "saknas" : NUMBER.format(v));
const signed = (v: number) => (v > 0 ? `+${NUMBER.format(v)}` : NUMBER.format(v));
const periodLabel = (p: string) => parsePeriod(p)?.label ?? p;

export function comparisonView(uppdrag: Uppdrag, comparison: Comparison): ComparisonView {
  const level2 = new Map(
    comparison.series.filter((s) => s.unit === LEVEL2_UNIT).map((s) => [s.measureId, s]),
  );
  const targets = new Map(comparison.targets.map((t) => [t.measureId, t]));
  const rows = keyMeasuresOf(uppdrag).map((m): ComparisonRow => {
    const s = level2.get(m.id);
    const t = targets.get(m.id);
    const before = s?.earlier[s.earlier.length - 1];
    return {
      measureId: m.id,
      label: m.label,
      value: number(s?.current.value ?? t?.value),
      earlier: before ? `${number(before.value)} (${periodLabel(before.period)})` : DASH,
      change: s?.change === undefined ? DASH : signed(s.change),
      target: t ? `${NUMBER.format(t.target.target)} (${t.target.better} är bättre)` : DASH,
      ...(t ? { status: t.status } : {}),
    };
  });
  const files = comparison.historyFiles ?? [];
  return {
    periods: comparison.periods.map(periodLabel),
    rows,
    unusedFiles: files.flatMap((f) =>
      f.used ? [] : [f.problem ? problemText(f.problem) : `${f.file}: används inte`],
    ),
    problems: comparison.problems.filter((p) => !files.some((f) => f.problem === p)).map(problemText),
  };
}
