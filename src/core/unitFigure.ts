/** A unit's own figure for a measure, as its column on the Nivå 2 sheet shows it (charts and the report use it). */
import type { Measure, UnitReport } from "./model";
import { computeUnitRatio } from "./derive";
import { headlineStatistic } from "./aggregations";

/** The unit's ratio, number or list statistic; undefined when it has none (missing is never 0). */
export function unitFigure(measure: Measure, report: UnitReport): number | undefined {
  if (measure.formula) return computeUnitRatio(measure.formula, report.values) ?? undefined;
  const v = report.values[measure.id];
  if (v?.kind === "number") return v.value;
  if (v?.kind === "list" && v.values.length > 0)
    return headlineStatistic(
      measure,
      [...v.values].sort((a, b) => a - b),
    );
  return undefined;
}
