/** text: kept per unit, side by side (the Analyser sheet); no figure. */
import type { AggregationDescriptor } from "./descriptor";
import { ownValue, unitsBasis } from "./shared";

export const text: AggregationDescriptor = {
  label: "texter enhet för enhet",
  explain: () => "Enheternas texter, sida vid sida på bladet Analyser.",
  numeric: false,
  tidy: false,
  sideBySide: true,
  rollUp: (measure, contributors, valuesOf) => ({
    value: null,
    details: {
      texts: contributors.map((u) => ({
        unit: u,
        text: ownValue<{ value: string }>(measure, valuesOf, u).value,
      })),
    },
  }),
  formula: () => undefined,
  basis: (_m, figure) => unitsBasis(figure),
};
