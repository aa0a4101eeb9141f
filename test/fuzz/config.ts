/**
 * How a fuzz run is bounded and repeated, from the environment: FUZZ_SEED repeats a run,
 * FUZZ_CASE runs one case of it alone, FUZZ_CASES and FUZZ_BUDGET_MS bound it, FUZZ_VERBOSE
 * prints the count and time, FUZZ_XLS adds mutated .xls files (SheetJS can hang on them, see generate.ts).
 */
import { randomInt } from "node:crypto";

const num = (name: string): number | undefined => {
  const v = process.env[name];
  return v === undefined || v.trim() === "" ? undefined : Number(v);
};

export const fuzzConfig = {
  seed: num("FUZZ_SEED") ?? randomInt(1, 2 ** 31),
  /** Only this case (its number as printed in a failure). */
  only: num("FUZZ_CASE"),
  /** At most this many cases … */
  cases: num("FUZZ_CASES") ?? 3000,
  /** … and no more generating after this many milliseconds (the run stops at the batch boundary). */
  budgetMs: num("FUZZ_BUDGET_MS") ?? 35_000,
};

export const repeatHint = (seed: number, index?: number) =>
  `FUZZ_SEED=${seed}${index === undefined ? "" : ` FUZZ_CASE=${index}`} npx jest test/fuzz`;
