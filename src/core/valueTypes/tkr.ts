/** tkr: an amount in thousands of kronor; may be negative (netto, underskott). */
import type { ValueTypeDescriptor } from "./descriptor";
import { between, numberCell, numberValidation, oneCell, scalarJson, scalarTidy } from "./shared";

const bounds = {};

export const tkr: ValueTypeDescriptor = {
  label: "belopp i tkr",
  entry: "cell",
  numeric: true,
  wholeNumber: false,
  answer: false,
  bounds,
  aggregations: ["sum", "none"],
  parse: oneCell(numberCell(["tkr", "tkr."], 1e12)),
  numberFormat: "0.00",
  wideValue: false,
  longText: false,
  validation: (m) => numberValidation(m, bounds, false, "ett belopp i tkr (minus för underskott)"),
  tidy: scalarTidy,
  json: scalarJson,
  sample: (_m, random) => between(random, 100, 5000),
};
