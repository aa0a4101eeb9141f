/** choice: one of the measure's `options`. */
import type { ValueTypeDescriptor } from "./descriptor";
import { INVALID, between, cellProblem, oneCell, scalarJson, scalarTidy, shown } from "./shared";
import { present } from "../invariant";

export const choice: ValueTypeDescriptor = {
  label: "val ur lista",
  entry: "cell",
  numeric: false,
  wholeNumber: false,
  answer: true,
  bounds: {},
  aggregations: ["tally", "none"],
  parse: oneCell((measure, first) => {
    const text = shown(first).trim();
    const match = (measure.options ?? []).find((o) => o.toLowerCase() === text.toLowerCase());
    if (match) return { value: { kind: "text", value: match }, problems: [] };
    return {
      value: INVALID,
      problems: [
        cellProblem(measure, "notAnOption", { input: text, options: (measure.options ?? []).join(", ") }),
      ],
    };
  }),
  catalogCheck: (measure) =>
    !measure.options ? { field: "options", code: "catalogChoiceWithoutOptions" } : undefined,
  wideValue: true,
  longText: false,
  validation: (m) => ({
    kind: "list",
    options: m.options ?? [],
    prompt: "Välj ett av alternativen i listan.",
  }),
  tidy: scalarTidy,
  json: scalarJson,
  sample: (m, random) => {
    const options = present(m.options, `alternativen för ${m.id}`);
    return present(options[between(random, 0, options.length - 2)], `ett alternativ för ${m.id}`);
  },
};
