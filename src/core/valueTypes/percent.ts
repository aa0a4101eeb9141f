/** percent: 0–100, typed by the unit (rarely: prefer a ratio of counts). */
import type { ValueTypeDescriptor } from "./descriptor";
import { between, numberCell, numberValidation, oneCell, scalarJson, scalarTidy } from "./shared";

/** Above 100 is an error in the validator as in the template's data validation. */
const bounds = { min: 0, max: 100 };

export const percent: ValueTypeDescriptor = {
  label: "procent 0–100",
  entry: "cell",
  numeric: true,
  wholeNumber: false,
  answer: false,
  bounds,
  aggregations: ["weightedMean", "none"],
  parse: oneCell(numberCell(["%", "procent"], 1e6)),
  fractionAsPercent: true,
  level2NumberFormat: "0.0",
  wideValue: false,
  longText: false,
  validation: (m) => numberValidation(m, bounds, false, "en procentsats som tal (45 för 45 %)"),
  tidy: scalarTidy,
  json: scalarJson,
  sample: (_m, random) => between(random, 60, 98),
};
