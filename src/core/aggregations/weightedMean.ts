/** weightedMean: the units' values weighted by another measure (a share weighted by respondents). */
import { fromMicro, toMicro } from "../exact";
import { messageText } from "../messages/sv";
import type { AggregationDescriptor } from "./descriptor";
import { number, numberKeyFigure, ownValue, presentMask, unitsBasis } from "./shared";
import { present } from "../invariant";

export const weightedMean: AggregationDescriptor = {
  label: "vägt medelvärde",
  explain: () => "Medelvärde där större enheter väger tyngre.",
  numeric: true,
  tidy: true,
  sideBySide: false,
  rollUp: (measure, contributors, valuesOf) => {
    let weighted = 0n;
    let weights = 0n;
    for (const u of contributors) {
      const v = ownValue<{ value: number }>(measure, valuesOf, u).value;
      const w = (valuesOf(u)[present(measure.weight, `vikten för ${measure.id}`)] as { value: number }).value;
      weighted += toMicro(v) * toMicro(w);
      weights += toMicro(w);
    }
    // weighted carries micro² units: divide by the weights (micro) and once more by the scale.
    const value = weights === 0n ? null : Number(weighted) / Number(weights) / 1e6;
    return {
      value,
      details: { weightTotal: fromMicro(weights) },
      ...(value === null ? { note: messageText("figureZeroWeights", {}) } : {}),
    };
  },
  formula: (measure, row, ctx) => {
    const weightRow = ctx.rowOf(present(measure.weight, `vikten för ${measure.id}`));
    if (weightRow === undefined) return undefined;
    const units = ctx.unitRange(row);
    const weights = ctx.unitRange(weightRow);
    const mask = presentMask([units, weights]);
    return `SUMPRODUCT(${mask},${units},${weights})/SUMPRODUCT(${mask},${weights})`;
  },
  basis: (measure, figure, unitOf) =>
    figure.details.weightTotal !== undefined
      ? `${figure.contributors.length} enheter; vikt ${number(figure.details.weightTotal)} ${unitOf(present(measure.weight, `vikten för ${measure.id}`))}`
      : unitsBasis(figure),
  keyFigure: numberKeyFigure,
  catalogCheck: (measure, isNumeric) =>
    !measure.weight || !isNumeric(measure.weight)
      ? { field: "weight", code: "catalogWeightMissing" }
      : undefined,
};
