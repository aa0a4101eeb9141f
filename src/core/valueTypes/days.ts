/** days: one whole number of days. */
import type { ValueTypeDescriptor } from "./descriptor";
import { between, numberCell, numberValidation, oneCell, scalarJson, scalarTidy } from "./shared";

const bounds = { min: 0 };
export const DAY_SUFFIXES = ["d", "dgr", "dag", "dagar"];
/** The most days a value can have (274 years): more is a typing or file error. */
export const DAY_LIMIT = 1e5;

export const days: ValueTypeDescriptor = {
  label: "dagar (heltal ≥ 0)",
  entry: "cell",
  numeric: true,
  wholeNumber: true,
  answer: false,
  bounds,
  aggregations: ["weightedMean", "none"],
  parse: oneCell(numberCell(DAY_SUFFIXES, DAY_LIMIT)),
  numberFormat: "0",
  wideValue: false,
  longText: false,
  validation: (m) => numberValidation(m, bounds, true, "ett heltal"),
  tidy: scalarTidy,
  json: scalarJson,
  sample: (_m, random) => between(random, 1, 30),
};
