/** decimal: a number with decimals ≥ 0 (årsarbetare, timmar). */
import type { ValueTypeDescriptor } from "./descriptor";
import { between, numberCell, numberValidation, oneCell, scalarJson, scalarTidy } from "./shared";

const bounds = { min: 0 };

export const decimal: ValueTypeDescriptor = {
  label: "tal med decimaler ≥ 0",
  keyFigureVolume: "ett tal med decimaler",
  entry: "cell",
  numeric: true,
  wholeNumber: false,
  answer: false,
  bounds,
  aggregations: ["sum", "stock", "none"],
  parse: oneCell(numberCell(["st", "åa", "årsarbetare", "tim", "timmar", "h", "tim."], 1e9)),
  numberFormat: "0.00",
  level2NumberFormat: "0.0",
  wideValue: false,
  longText: false,
  validation: (m) => numberValidation(m, bounds, false, "ett tal (decimalkomma går bra)"),
  tidy: scalarTidy,
  json: scalarJson,
  sample: (_m, random) => Math.round(between(random, 100, 1500)) / 100,
};
