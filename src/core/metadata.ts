/**
 * Checks of what a workbook's Metadata sheet says, before the file is trusted with it: the
 * fields are copied into level 2 and compared across files, so a hand-edited or hostile value
 * (a formula, a control character, a period that is no period, a part that does not exist, a
 * name of ten thousand characters) refuses the file instead.
 */
import type { Problem, ProblemOf, Uppdrag } from "./model";
import type { CodesWith, ProblemParams } from "./messages/codes";
import { parsePeriod } from "./period";
import { visibleName } from "./unitName";

/** Longest value each checked field may have; far above any real one. */
export const META_MAX_LENGTH = {
  uppdrag: 100,
  mallversion: 50,
  enhet: 200,
  period: 20,
  delar: 2000,
} as const;
export type CheckedMetaKey = keyof typeof META_MAX_LENGTH;

/** Text a spreadsheet would run as a formula (the same starts csv.ts guards against). */
const FORMULA_START = /^\s*[=+\-@]/;
/** Control characters, and the bidi controls that reorder how the text around them is shown. */
const CONTROL = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function metaProblem<C extends CodesWith<{ file: string }>>(
  code: C,
  file: string,
  params: Omit<ProblemParams[C], "file">,
): Problem {
  const p: ProblemOf<C> = {
    code,
    severity: "fel",
    location: { file },
    params: { file, ...params } as ProblemParams[C],
  };
  return p as Problem;
}

/** A value shown in a message: short, whatever its length. */
const excerpt = (value: string) => (value.length > 60 ? `${value.slice(0, 60)}…` : value);

/** Length, formula-looking text and control characters in the fields that are given. */
export function metaTextProblem(
  meta: Partial<Record<CheckedMetaKey, string>>,
  file: string,
): Problem | undefined {
  for (const field of Object.keys(META_MAX_LENGTH) as CheckedMetaKey[]) {
    const value = meta[field];
    if (value === undefined) continue;
    if (FORMULA_START.test(value)) return metaProblem("metaFormula", file, { field, found: excerpt(value) });
    if (CONTROL.test(value)) return metaProblem("metaControl", file, { field });
    if (value.length > META_MAX_LENGTH[field])
      return metaProblem("metaTooLong", file, { field, length: value.length, max: META_MAX_LENGTH[field] });
  }
  return undefined;
}

/** The period code as written in the catalog's form (2025H1), or the problem with it. */
export function metaPeriod(
  period: string | undefined,
  file: string,
): { ok: true; period: string } | { ok: false; problem: Problem } {
  if (!period || period.trim() === "") return { ok: false, problem: metaProblem("metaNoPeriod", file, {}) };
  const parsed = parsePeriod(period);
  if (!parsed) return { ok: false, problem: metaProblem("metaBadPeriod", file, { found: excerpt(period) }) };
  return { ok: true, period: parsed.code };
}

/** The parts the workbook says it covers, each one of the uppdrag's, or the problem with them. */
export function metaParts(
  delar: string | undefined,
  uppdrag: Uppdrag,
  file: string,
): { ok: true; parts?: string[] } | { ok: false; problem: Problem } {
  if (delar === undefined) return { ok: true };
  const parts = delar
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0) return { ok: true };
  const unknown = parts.find((p) => !uppdrag.parts.some((known) => known.id === p));
  if (unknown !== undefined)
    return {
      ok: false,
      problem: metaProblem("metaUnknownPart", file, {
        part: excerpt(unknown),
        uppdrag: uppdrag.name,
        known: uppdrag.parts.map((p) => p.id).join(", ") || "inga",
      }),
    };
  return { ok: true, parts: [...new Set(parts)] };
}

/** The unit's name as shown, or undefined when nothing visible is left of it. */
export function metaUnit(enhet: string | undefined): string | undefined {
  const visible = enhet === undefined ? "" : visibleName(enhet);
  return visible === "" || enhet === undefined ? undefined : enhet.trim();
}
