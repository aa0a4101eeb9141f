/** Pieces several value types share: reading cells, the bounds in force, tidy values, random picks. */
import type { Measure, Problem, ProblemOf, RawCell, Value } from "../model";
import type { ProblemCode, ProblemParams, RestParams } from "../messages/codes";
import { MISSING } from "../model";
import { isBlankText, parseSwedishNumber, roundMicro } from "../swedishNumber";
import type { JsonValue, ParseOutcome, Random, TemplateValidation, TidyCell } from "./descriptor";

/** Something was typed but could not be read (already reported; not also "saknas"). */
export const INVALID: Value = { kind: "missing", invalid: true };

/** Control characters and bidi controls, which would act on a terminal or reorder a cell instead of being shown. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSHOWABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const INPUT_SHOWN = 100;

/** What the cell held, as a message quotes it: unshowable characters as \uXXXX, a long text cut with its length. */
function shownInput(input: string): string {
  const visible = input.replace(UNSHOWABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (visible.length <= INPUT_SHOWN) return visible;
  // Never end on half a surrogate pair.
  return `${visible.slice(0, INPUT_SHOWN).replace(/[\ud800-\udbff]$/, "")}… (${input.length.toLocaleString("sv-SE").replace(/\u00a0/g, " ")} tecken)`;
}

export function cellProblem<C extends ProblemCode>(
  measure: Measure,
  code: C,
  ...[params]: RestParams<C>
): Problem {
  const given = (params ?? {}) as ProblemParams[C] & { input?: unknown };
  const shown = typeof given.input === "string" ? { ...given, input: shownInput(given.input) } : given;
  const p: ProblemOf<C> = { code, severity: "fel", measureId: measure.id, params: shown };
  return p as Problem;
}

export function isBlank(raw: RawCell): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && isBlankText(raw));
}

/** A date cell whose value is no date (a huge serial, garbage in a t="d" cell): toISOString would throw. */
export function isInvalidDate(raw: RawCell): boolean {
  return raw instanceof Date && !Number.isFinite(raw.getTime());
}

/** A cell as text, for reading words and for messages. */
export function shown(raw: RawCell): string {
  if (raw instanceof Date) return isInvalidDate(raw) ? "ogiltigt datum" : raw.toISOString().slice(0, 10);
  if (typeof raw === "object" && raw !== null) return raw.error;
  return String(raw);
}

/** A type read from one cell: an invalid date is a problem, all blank is missing, else the first filled cell. */
export function oneCell(read: (measure: Measure, raw: RawCell) => ParseOutcome) {
  return (measure: Measure, cells: readonly RawCell[]): ParseOutcome => {
    if (cells.some(isInvalidDate)) return { value: INVALID, problems: [cellProblem(measure, "invalidDate")] };
    const first = cells.find((c) => !isBlank(c));
    if (first === undefined) return { value: MISSING, problems: [] };
    return read(measure, first);
  };
}

/**
 * Reads a number from one cell. `suffixes`: units people add after it ("12 st"), stripped.
 * `limit`: the largest magnitude the type can have. Far above anything a municipality reports,
 * yet small enough that a value in micro-units stays exact (exact.ts) and toFixed never turns
 * to exponent notation: anything larger is a typing or file error, a problem on its cell.
 */
export function numberCell(suffixes: readonly string[], limit: number) {
  const bounded = (measure: Measure, value: number, input: string): ParseOutcome => {
    if (!Number.isFinite(value))
      return { value: INVALID, problems: [cellProblem(measure, "notANumber", { input })] };
    if (Math.abs(value) > limit)
      return { value: INVALID, problems: [cellProblem(measure, "valueOutOfBounds", { input, limit })] };
    return { value: { kind: "number", value: roundMicro(value) }, problems: [] };
  };
  return (measure: Measure, raw: RawCell): ParseOutcome => {
    if (typeof raw === "number") return bounded(measure, raw, String(raw));
    if (typeof raw === "boolean")
      return {
        value: INVALID,
        problems: [cellProblem(measure, "notANumber", { input: raw ? "SANT" : "FALSKT" })],
      };
    if (isInvalidDate(raw)) return { value: INVALID, problems: [cellProblem(measure, "invalidDate")] };
    if (raw instanceof Date)
      return { value: INVALID, problems: [cellProblem(measure, "dateNotNumber", { input: shown(raw) })] };
    const text = String(raw);
    const parsed = parseSwedishNumber(text, suffixes);
    if (!parsed.ok)
      return { value: INVALID, problems: [cellProblem(measure, parsed.reason, { input: text.trim() })] };
    return bounded(measure, parsed.value, text.trim());
  };
}

/** The bounds a value must keep: the catalog's checks, else the type's own. */
export function boundsIn(
  measure: Measure,
  typeBounds: { min?: number; max?: number },
): { min?: number; max?: number } {
  const min = measure.checks.min ?? typeBounds.min;
  const max = measure.checks.max ?? typeBounds.max;
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

/** The template's validation of a number cell, with the bounds the validator will apply. */
export function numberValidation(
  measure: Measure,
  typeBounds: { min?: number; max?: number },
  whole: boolean,
  what: string,
): TemplateValidation {
  return { kind: "number", whole, ...boundsIn(measure, typeBounds), what };
}

/** A single value as one tidy cell: a number or text as it is, missing as null. */
export function scalarTidy(value: Value): TidyCell[] {
  if (value.kind === "number" || value.kind === "text") return [{ value: value.value, caseNumber: null }];
  return [{ value: null, caseNumber: null }];
}

/** A single value in the JSON output: a number or text as it is, missing as null. */
export function scalarJson(value: Value): JsonValue {
  return value.kind === "number" || value.kind === "text" ? value.value : null;
}

/** A whole number from lo to hi, both included. */
export function between(random: Random, lo: number, hi: number): number {
  return lo + Math.floor(random() * (hi - lo + 1));
}
