/**
 * daysList: one whole number of days per case (väntetid per utredning), one input row per
 * case; pooled at level 2. Not numeric: a list is no term of a ratio.
 */
import type { Measure, Problem, RawCell } from "../model";
import { MISSING } from "../model";
import type { ParseOutcome, ValueTypeDescriptor } from "./descriptor";
import { DAY_LIMIT, DAY_SUFFIXES } from "./days";
import { INVALID, between, isBlank, numberCell, numberValidation, scalarJson, scalarTidy } from "./shared";

const bounds = { min: 0 };
const readDays = numberCell(DAY_SUFFIXES, DAY_LIMIT);

/** Splits a typed list of days: "12; 30; 45" or one value a line. */
function splitList(text: string): string[] {
  return text
    .split(/[;\n\r\t]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function parseDaysList(measure: Measure, cells: readonly RawCell[]): ParseOutcome {
  const values: number[] = [];
  const problems: Problem[] = [];
  const cellOf = { values: [] as number[], problems: [] as number[] };
  cells.forEach((cell, index) => {
    if (isBlank(cell)) return;
    const pieces = typeof cell === "string" ? splitList(cell) : [cell];
    for (const piece of pieces) {
      const outcome = readDays(measure, piece);
      problems.push(...outcome.problems);
      cellOf.problems.push(...outcome.problems.map(() => index));
      if (outcome.value.kind === "number") {
        values.push(outcome.value.value);
        cellOf.values.push(index);
      }
    }
  });
  if (values.length === 0) return { value: problems.length === 0 ? MISSING : INVALID, problems, cellOf };
  return { value: { kind: "list", values }, problems, cellOf };
}

export const daysList: ValueTypeDescriptor = {
  label: "dagar per ärende (en rad per ärende)",
  entry: "cases",
  numeric: false,
  wholeNumber: true,
  answer: false,
  bounds,
  aggregations: ["pooled"],
  parse: parseDaysList,
  numberFormat: "0",
  level2NumberFormat: "0.0",
  wideValue: false,
  longText: false,
  validation: (m) => numberValidation(m, bounds, true, "ett heltal"),
  json: (value) => (value.kind === "list" ? value.values : scalarJson(value)),
  tidy: (value) =>
    value.kind === "list" ? value.values.map((v, i) => ({ value: v, caseNumber: i + 1 })) : scalarTidy(value),
  sample: (_m, random) => Array.from({ length: between(random, 0, 6) }, () => between(random, 3, 45)),
};
