/** yesCount: "x av n enheter" answered Ja. */
import type { AggregationDescriptor } from "./descriptor";
import { ownValue } from "./shared";

export const yesCount: AggregationDescriptor = {
  label: "antal enheter med Ja av de som svarat",
  explain: () => "Antal enheter som svarat Ja.",
  figureFormat: '0" med Ja"',
  numeric: false,
  tidy: true,
  sideBySide: false,
  rollUp: (measure, contributors, valuesOf) => {
    const yes = contributors.filter((u) => ownValue<{ value: boolean }>(measure, valuesOf, u).value).length;
    return { value: yes, details: { yes, answered: contributors.length } };
  },
  formula: (_m, row, ctx) => `COUNTIF(${ctx.unitRange(row)},"Ja")`,
  basis: (_m, figure) => `Ja för ${figure.details.yes ?? 0} av ${figure.details.answered ?? 0} enheter`,
  keyFigure: (_m, figure) => ({
    value: `${figure.details.yes ?? 0} av ${figure.details.answered ?? 0}`,
    unit: "enheter",
  }),
};
