/** History and targets in `rollup --json` (docs/json.md): what the Översikt sheet shows, as data. */
import type { Comparison } from "../core/comparison/model";
import type { Uppdrag } from "../core/model";
import { problemJson } from "./report";

export function comparisonJson(c: Comparison, uppdrag: Uppdrag, skipped: { file: string; reason: string }[]) {
  return {
    periods: c.periods,
    historyFiles: [
      ...(c.historyFiles ?? []).map((f) => ({
        file: f.file,
        period: f.period ?? null,
        used: f.used,
        reason: f.problem ? problemJson(f.problem, uppdrag) : null,
      })),
      ...skipped.map((s) => ({
        file: s.file,
        period: null,
        used: false,
        reason: {
          code: null,
          severity: "varning",
          measureId: null,
          measure: null,
          file: s.file,
          sheet: null,
          cell: null,
          message: `${s.file} läses inte: ${s.reason}.`,
        },
      })),
    ],
    series: c.series.map((s) => ({
      measureId: s.measureId,
      unit: s.unit,
      earlier: s.earlier.map((e) => ({ period: e.period, value: e.value ?? null })),
      current: { period: s.current.period, value: s.current.value ?? null },
      change: s.change ?? null,
      movedBeyondThreshold: s.movedBeyondThreshold,
    })),
    targets: c.targets.map((t) => ({
      measureId: t.measureId,
      target: t.target.target,
      better: t.target.better,
      tolerance: t.target.tolerance,
      value: t.value ?? null,
      status: t.status,
    })),
    problems: c.problems.map((p) => problemJson(p, uppdrag)),
  };
}
