/** ratio: derived from the numerator and denominator of other measures (formula); never typed. */
import { MISSING } from "../model";
import type { ValueTypeDescriptor } from "./descriptor";
import { scalarJson, scalarTidy } from "./shared";
import { computeUnitRatio } from "../derive";
import { present } from "../invariant";

export const ratio: ValueTypeDescriptor = {
  label: "beräknad kvot",
  entry: "derived",
  numeric: true,
  wholeNumber: false,
  answer: false,
  bounds: {},
  aggregations: ["ratio"],
  // Derived figures are computed, never read: whatever the cell holds is ignored.
  parse: () => ({ value: MISSING, problems: [] }),
  derive: (measure, values) =>
    computeUnitRatio(present(measure.formula, `formeln för ${measure.id}`), values),
  numberFormat: "0.0",
  level2NumberFormat: "0.0",
  wideValue: false,
  longText: false,
  validation: () => undefined,
  tidy: scalarTidy,
  json: scalarJson,
  sample: () => null,
};
