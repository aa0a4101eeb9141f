/** Pieces several aggregations share. */
import type { Measure, Value } from "../model";
import { exactSum } from "../exact";
import { formatNumber } from "../messages/format";
import type { FigureView } from "./descriptor";
import { present } from "../invariant";

/** A unit's own value of the measure, read as the kind the measure's type gives. */
export function ownValue<T>(
  measure: Measure,
  valuesOf: (unit: string) => Record<string, Value>,
  unit: string,
): T {
  return valuesOf(unit)[measure.id] as T;
}

/** Numbers in text cells with the Swedish decimal comma. */
export const number = (n: number | undefined) => (n === undefined ? "–" : formatNumber(n));
export const rounded = (n: number | undefined) =>
  number(n === undefined ? undefined : Math.round(n * 10) / 10);

/** "3 enheter": the default basis of a figure. */
export const unitsBasis = (figure: FigureView) => `${figure.contributors.length} enheter`;

/** The figure as a number with the measure's unit. */
export const numberKeyFigure = (measure: Measure, figure: FigureView, format: (n: number) => string) => ({
  value: format(present(figure.value, `värdet av ${measure.id}`)),
  unit: measure.unit,
});

/**
 * 1 for each unit whose cells in all the given ranges are numbers, else 0, as one SUMPRODUCT
 * argument: units without an input (blank, "–" for a part not covered) drop out, as in the
 * roll-up. The ranges themselves go in as separate arguments, where SUMPRODUCT reads text as 0
 * (arithmetic on a text cell would give #VALUE!).
 */
export function presentMask(ranges: readonly string[]): string {
  return ranges.length === 1 ? `--ISNUMBER(${ranges[0]})` : ranges.map((r) => `ISNUMBER(${r})`).join("*");
}

/** The median of numbers sorted ascending (the mean of the two middle ones for an even count). */
export function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  const at = (i: number) => present(sorted[i], "ett mittvärde");
  return sorted.length % 2 === 1 ? at(mid) : exactSum([at(mid - 1), at(mid)]) / 2;
}

/** A pooled measure's headline over sorted cases: the mean or the median, as the catalog says. */
export function headlineStatistic(measure: Measure, sorted: readonly number[]): number {
  return measure.statistic === "mean" ? exactSum(sorted) / sorted.length : median(sorted);
}
