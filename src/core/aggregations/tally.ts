/** tally: how many units chose each option; the figure is how many answered. */
import type { AggregationDescriptor } from "./descriptor";
import { ownValue } from "./shared";

export const tally: AggregationDescriptor = {
  label: "antal enheter per val",
  explain: () => "Antal enheter som svarat; hur svaren fördelar sig står under Underlag.",
  figureFormat: '0" har svarat"',
  numeric: false,
  tidy: true,
  sideBySide: false,
  rollUp: (measure, contributors, valuesOf) => {
    const tally: Record<string, number> = {};
    for (const option of measure.options ?? []) tally[option] = 0;
    for (const u of contributors) {
      const choice = ownValue<{ value: string }>(measure, valuesOf, u).value;
      tally[choice] = (tally[choice] ?? 0) + 1;
    }
    return { value: contributors.length, details: { tally } };
  },
  // Units that chose an option: every text in the row but the marks for parts not covered.
  formula: (_m, row, ctx) =>
    `COUNTA(${ctx.unitRange(row)})-COUNTIF(${ctx.unitRange(row)},"${ctx.notCovered}")`,
  basis: (_m, figure) =>
    Object.entries(figure.details.tally ?? {})
      .filter(([, n]) => n > 0)
      .map(([o, n]) => `${o}: ${n}`)
      .join("; "),
};
