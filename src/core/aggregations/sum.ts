/** sum: counts and flows over the period, added up. */
import { exactSum } from "../exact";
import type { AggregationDescriptor } from "./descriptor";
import { numberKeyFigure, ownValue, unitsBasis } from "./shared";

export const sum: AggregationDescriptor = {
  label: "summa",
  explain: () => "Enheternas siffror lagda ihop.",
  numeric: true,
  tidy: true,
  sideBySide: false,
  rollUp: (measure, contributors, valuesOf) => ({
    value: exactSum(contributors.map((u) => ownValue<{ value: number }>(measure, valuesOf, u).value)),
    details: {},
  }),
  formula: (_m, row, ctx) => `SUM(${ctx.unitRange(row)})`,
  basis: (_m, figure) => unitsBasis(figure),
  keyFigure: numberKeyFigure,
};
