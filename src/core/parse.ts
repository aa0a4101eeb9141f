/**
 * Interpreting what people type into a cell: Swedish decimal comma, spaces and
 * non-breaking spaces as thousands separators, "12 st", "45 %", Ja/Nej.
 * Anything that cannot be read is a problem, never a silent 0 or NaN.
 * How each value type reads its cells is in its descriptor (valueTypes/).
 */
import type { Measure, RawCell } from "./model";
import { valueTypeOf, type ParseOutcome } from "./valueTypes";
import { INVALID, cellProblem } from "./valueTypes/shared";

export { parseSwedishNumber, roundMicro } from "./swedishNumber";
export type { ParseOutcome } from "./valueTypes";

/**
 * Interprets the raw cells of one measure. A list of cases takes several cells (one per case);
 * every other type takes one.
 */
export function parseMeasureInput(measure: Measure, raw: RawCell | RawCell[]): ParseOutcome {
  const cells = Array.isArray(raw) ? raw : [raw];
  const type = valueTypeOf(measure);
  const errorAt = cells.findIndex((c) => typeof c === "object" && c !== null && !(c instanceof Date));
  if (errorAt >= 0) {
    const input = (cells[errorAt] as { error: string }).error;
    return {
      value: INVALID,
      problems: [cellProblem(measure, "errorValue", { input })],
      ...(type.entry === "cases" ? { cellOf: { values: [], problems: [errorAt] } } : {}),
    };
  }
  return type.parse(measure, cells);
}
