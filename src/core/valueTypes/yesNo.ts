/** yesNo: Ja or Nej. */
import type { ValueTypeDescriptor } from "./descriptor";
import { INVALID, cellProblem, oneCell, scalarJson, scalarTidy, shown } from "./shared";

const YES = new Set(["ja", "j", "yes", "y", "sant", "true", "x"]);
const NO = new Set(["nej", "n", "no", "falskt", "false"]);

export const yesNo: ValueTypeDescriptor = {
  label: "Ja/Nej",
  entry: "cell",
  numeric: false,
  wholeNumber: false,
  answer: true,
  bounds: {},
  aggregations: ["yesCount", "none"],
  parse: oneCell((measure, first) => {
    if (typeof first === "boolean") return { value: { kind: "yesNo", value: first }, problems: [] };
    const word = shown(first).trim().toLowerCase();
    if (YES.has(word)) return { value: { kind: "yesNo", value: true }, problems: [] };
    if (NO.has(word)) return { value: { kind: "yesNo", value: false }, problems: [] };
    return { value: INVALID, problems: [cellProblem(measure, "notYesNo", { input: shown(first) })] };
  }),
  wideValue: false,
  longText: false,
  validation: () => ({ kind: "list", options: ["Ja", "Nej"], prompt: "Välj Ja eller Nej i listan." }),
  json: (value) => (value.kind === "yesNo" ? value.value : scalarJson(value)),
  tidy: (value) =>
    value.kind === "yesNo" ? [{ value: value.value ? "Ja" : "Nej", caseNumber: null }] : scalarTidy(value),
  sample: (_m, random) => (random() < 0.8 ? "Ja" : "Nej"),
};
