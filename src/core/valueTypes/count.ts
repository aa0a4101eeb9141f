/** count: a whole number ≥ 0 (antal). */
import type { ValueTypeDescriptor } from "./descriptor";
import { between, numberCell, numberValidation, oneCell, scalarJson, scalarTidy } from "./shared";

const bounds = { min: 0 };

export const count: ValueTypeDescriptor = {
  label: "antal (heltal ≥ 0)",
  entry: "cell",
  numeric: true,
  wholeNumber: true,
  answer: false,
  bounds,
  aggregations: ["sum", "stock", "none"],
  countsCases: true,
  keyFigureVolume: "ett antal",
  parse: oneCell(
    numberCell(["st", "st.", "stycken", "personer", "pers", "pers.", "patienter", "brukare", "ärenden"], 1e9),
  ),
  numberFormat: "0",
  wideValue: false,
  longText: false,
  validation: (m) => numberValidation(m, bounds, true, "ett heltal"),
  tidy: scalarTidy,
  json: scalarJson,
  sample: (m, random) => between(random, 0, Math.min(m.checks.warnAbove ?? 40, 40)),
};
