/** Reading a number typed the Swedish way, and the rounding every stored number gets. */

const SPACES = /[\s\u00a0\u202f\u2007]/g;

/** Round to 6 decimals so that sums can be done exactly in micro-units (see exact.ts). */
export function roundMicro(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Is the text empty once every kind of space is gone? */
export function isBlankText(text: string): boolean {
  return text.replace(SPACES, "") === "";
}

/**
 * Reads a Swedish-formatted number from text. Returns a reason code when it can't.
 * "1 234,5" → 1234.5, "3.5" → 3.5, "1.234" → ambiguous (thousands dot or decimal?).
 */
export function parseSwedishNumber(
  text: string,
  allowedSuffixes: readonly string[] = [],
): { ok: true; value: number } | { ok: false; reason: "notANumber" | "ambiguousDot" } {
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
