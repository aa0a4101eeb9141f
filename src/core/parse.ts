/**
 * Interpreting what people type into a cell: Swedish decimal comma, spaces and
 * non-breaking spaces as thousands separators, "12 st", "45 %", Ja/Nej.
 * Anything that cannot be read is a problem, never a silent 0 or NaN.
 */
import type { Measure, Problem, ProblemOf, RawCell, Value } from "./model";
import type { ProblemCode, ProblemParams, RestParams } from "./messages/codes";
import { MISSING } from "./model";

/** For a list of cases, `cellOf` says which raw cell (index) each value and each problem came from. */
export type ParseOutcome = { value: Value; problems: Problem[]; cellOf?: { values: number[]; problems: number[] } };

const INVALID: Value = { kind: "missing", invalid: true };

/** Suffixes people add after a number; stripped when they fit the measure. */
const UNIT_SUFFIXES: Record<string, string[]> = {
  count: ["st", "st.", "stycken", "personer", "pers", "pers.", "patienter", "brukare", "ärenden"],
  decimal: ["st", "åa", "årsarbetare", "tim", "timmar", "h", "tim."],
  tkr: ["tkr", "tkr."],
  percent: ["%", "procent"],
  days: ["d", "dgr", "dag", "dagar"],
  daysList: ["d", "dgr", "dag", "dagar"],
};

const SPACES = /[\s\u00a0\u202f\u2007]/g;

/**
 * The largest magnitude a value of each type can have. Far above anything a municipality
 * reports (a count of a billion people, a trillion tkr), yet small enough that a value in
 * micro-units stays exact (below 2^53 / 1e6 ≈ 9e9 for counts and days; amounts keep 6
 * decimals up to 1e12 in exact.ts's bigint sums) and toFixed never turns to exponent notation
 * (it does from 1e21). Anything larger is a typing or file error, a problem on its cell.
 */
export const VALUE_LIMITS: Record<"count" | "decimal" | "tkr" | "percent" | "days" | "daysList", number> = {
  count: 1e9,
  decimal: 1e9,
  tkr: 1e12,
  percent: 1e6,
  days: 1e5,
  daysList: 1e5,
};

/** Round to 6 decimals so that sums can be done exactly in micro-units (see exact.ts). */
export function roundMicro(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * Reads a Swedish-formatted number from text. Returns a reason code when it can't.
 * "1 234,5" → 1234.5, "3.5" → 3.5, "1.234" → ambiguous (thousands dot or decimal?).
 */
export function parseSwedishNumber(text: string, allowedSuffixes: string[] = []):
  | { ok: true; value: number }
  | { ok: false; reason: "notANumber" | "ambiguousDot" } {
  let s = text.trim().replace(/[\u2212\u2013]/g, "-");
  const lower = s.toLowerCase();
  for (const suffix of [...allowedSuffixes].sort((a, b) => b.length - a.length)) {
    if (lower.endsWith(suffix) && lower.length > suffix.length) {
      const before = s.slice(0, s.length - suffix.length);
      // "12st" and "12 st" are both fine; "1st" style only when the suffix is not a letter run glued to a word.
      s = before;
      break;
    }
  }
  s = s.replace(SPACES, "");
  if (/^[-+]?\d{1,3}(\.\d{3})+$/.test(s)) return { ok: false, reason: "ambiguousDot" };
  if (/^[-+]?\d{1,3}(,\d{3})+,\d+$/.test(s)) return { ok: false, reason: "notANumber" };
  if (!/^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/.test(s)) return { ok: false, reason: "notANumber" };
  const value = Number(s.replace(",", "."));
  if (!Number.isFinite(value)) return { ok: false, reason: "notANumber" };
  return { ok: true, value: roundMicro(value) };
}

const YES = new Set(["ja", "j", "yes", "y", "sant", "true", "x"]);
const NO = new Set(["nej", "n", "no", "falskt", "false"]);

/** Control characters and bidi controls, which would act on a terminal or reorder a cell instead of being shown. */
const UNSHOWABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const INPUT_SHOWN = 100;

/** What the cell held, as a message quotes it: unshowable characters as \uXXXX, a long text cut with its length. */
function shownInput(input: string): string {
  const visible = input.replace(UNSHOWABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (visible.length <= INPUT_SHOWN) return visible;
  // Never end on half a surrogate pair.
  return `${visible.slice(0, INPUT_SHOWN).replace(/[\ud800-\udbff]$/, "")}… (${input.length.toLocaleString("sv-SE").replace(/\u00a0/g, " ")} tecken)`;
}

function problem<C extends ProblemCode>(measure: Measure, code: C, ...[params]: RestParams<C>): Problem {
  const given = (params ?? {}) as ProblemParams[C] & { input?: unknown };
  const shown = typeof given.input === "string" ? { ...given, input: shownInput(given.input) } : given;
  const p: ProblemOf<C> = { code, severity: "fel", measureId: measure.id, params: shown };
  return p as Problem;
}

function isBlank(raw: RawCell): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.replace(SPACES, "") === "");
}

/** A date cell whose value is no date (a huge serial, garbage in a t="d" cell): toISOString would throw. */
function isInvalidDate(raw: RawCell): boolean {
  return raw instanceof Date && !Number.isFinite(raw.getTime());
}

function shown(raw: RawCell): string {
  if (raw instanceof Date) return isInvalidDate(raw) ? "ogiltigt datum" : raw.toISOString().slice(0, 10);
  if (typeof raw === "object" && raw !== null) return raw.error;
  return String(raw);
}

/** A number read for a numeric measure, checked against its type's limit before any arithmetic. */
function boundedNumber(measure: Measure, value: number, input: string): ParseOutcome {
  if (!Number.isFinite(value)) return { value: INVALID, problems: [problem(measure, "notANumber", { input })] };
  const limit = VALUE_LIMITS[measure.type as keyof typeof VALUE_LIMITS] ?? VALUE_LIMITS.tkr;
  if (Math.abs(value) > limit) return { value: INVALID, problems: [problem(measure, "valueOutOfBounds", { input, limit })] };
  return { value: { kind: "number", value: roundMicro(value) }, problems: [] };
}

/** Parses one cell for a numeric measure. */
function parseNumberCell(measure: Measure, raw: RawCell): ParseOutcome {
  if (typeof raw === "number") return boundedNumber(measure, raw, String(raw));
  if (typeof raw === "boolean") return { value: INVALID, problems: [problem(measure, "notANumber", { input: raw ? "SANT" : "FALSKT" })] };
  if (isInvalidDate(raw)) return { value: INVALID, problems: [problem(measure, "invalidDate")] };
  if (raw instanceof Date) return { value: INVALID, problems: [problem(measure, "dateNotNumber", { input: shown(raw) })] };
  const text = String(raw);
  const parsed = parseSwedishNumber(text, UNIT_SUFFIXES[measure.type] ?? []);
  if (!parsed.ok) return { value: INVALID, problems: [problem(measure, parsed.reason, { input: text.trim() })] };
  return boundedNumber(measure, parsed.value, text.trim());
}

/** Splits a typed list of days: "12; 30; 45" or one value a line. */
function splitList(text: string): string[] {
  return text
    .split(/[;\n\r\t]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * Interprets the raw cells of one measure. A daysList takes several cells (one per case);
 * every other type takes one.
 */
export function parseMeasureInput(measure: Measure, raw: RawCell | RawCell[]): ParseOutcome {
  const cells = Array.isArray(raw) ? raw : [raw];
  const errorAt = cells.findIndex((c) => typeof c === "object" && c !== null && !(c instanceof Date));
  if (errorAt >= 0) {
    const input = (cells[errorAt] as { error: string }).error;
    return { value: INVALID, problems: [problem(measure, "errorValue", { input })], ...(measure.type === "daysList" ? { cellOf: { values: [], problems: [errorAt] } } : {}) };
  }

  if (measure.type === "daysList") return parseDaysList(measure, cells);
  const invalidDate = cells.findIndex(isInvalidDate);
  if (invalidDate >= 0 && measure.type !== "ratio") return { value: INVALID, problems: [problem(measure, "invalidDate")] };
  const first = cells.find((c) => !isBlank(c));
  if (first === undefined) return { value: MISSING, problems: [] };

  switch (measure.type) {
    case "count":
    case "decimal":
    case "tkr":
    case "percent":
    case "days":
      return parseNumberCell(measure, first);
    case "yesNo": {
      if (typeof first === "boolean") return { value: { kind: "yesNo", value: first }, problems: [] };
      const word = shown(first).trim().toLowerCase();
      if (YES.has(word)) return { value: { kind: "yesNo", value: true }, problems: [] };
      if (NO.has(word)) return { value: { kind: "yesNo", value: false }, problems: [] };
      return { value: INVALID, problems: [problem(measure, "notYesNo", { input: shown(first) })] };
    }
    case "choice": {
      const text = shown(first).trim();
      const match = (measure.options ?? []).find((o) => o.toLowerCase() === text.toLowerCase());
      if (match) return { value: { kind: "text", value: match }, problems: [] };
      return { value: INVALID, problems: [problem(measure, "notAnOption", { input: text, options: (measure.options ?? []).join(", ") })] };
    }
    case "text":
      return { value: { kind: "text", value: shown(first).trim() }, problems: [] };
    case "ratio":
      // Derived figures are computed, never read: whatever the cell holds is ignored.
      return { value: MISSING, problems: [] };
  }
}

function parseDaysList(measure: Measure, cells: RawCell[]): ParseOutcome {
  const values: number[] = [];
  const problems: Problem[] = [];
  const cellOf = { values: [] as number[], problems: [] as number[] };
  cells.forEach((cell, index) => {
    if (isBlank(cell)) return;
    const pieces = typeof cell === "string" ? splitList(cell) : [cell];
    for (const piece of pieces) {
      const outcome = parseNumberCell(measure, piece);
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
