/** pooled: all cases of all units in one list, then its median or mean (never a mean of medians). */
import { exactSum } from "../exact";
import { messageText } from "../messages/sv";
import type { AggregationDescriptor } from "./descriptor";
import { headlineStatistic, median, numberKeyFigure, ownValue, rounded } from "./shared";

export const pooled: AggregationDescriptor = {
  label: "alla ärenden sammanslagna",
  explain: (measure) =>
    `${measure.statistic === "mean" ? "Medelvärdet" : "Medianen"} av alla ärenden från alla enheter tillsammans.`,
  numeric: true,
  tidy: true,
  sideBySide: false,
  rollUp: (measure, contributors, valuesOf) => {
    const cases = contributors
      .flatMap((u) => ownValue<{ values: number[] }>(measure, valuesOf, u).values)
      .sort((a, b) => a - b);
    if (cases.length === 0)
      return { value: null, details: { count: 0 }, note: messageText("figureNoCases", {}) };
    const mean = exactSum(cases) / cases.length;
    const med = median(cases);
    const details = { count: cases.length, median: med, mean, min: cases[0], max: cases[cases.length - 1] };
    return { value: headlineStatistic(measure, cases), details };
  },
  formula: (measure, _row, ctx) => {
    const cases = ctx.caseRange(measure.id);
    return cases && `${measure.statistic === "mean" ? "AVERAGE" : "MEDIAN"}(${cases})`;
  },
  basis: (_m, figure) =>
    `${figure.details.count ?? 0} ärenden; medel ${rounded(figure.details.mean)}, median ${rounded(figure.details.median)}`,
  keyFigure: numberKeyFigure,
  catalogCheck: (measure) =>
    !measure.statistic ? { field: "statistic", code: "catalogStatisticMissing" } : undefined,
};
