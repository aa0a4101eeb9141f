/** Lookups over an uppdrag's measures. */
import type { Measure, Value } from "./model";
import { valueTypeOf } from "./valueTypes";

/** Measures a unit types in (everything but derived ratios). */
export function isInput(measure: Measure): boolean {
  return valueTypeOf(measure).entry !== "derived";
}

/** Does a workbook covering `parts` (undefined = all) ask for this measure? */
export function appliesTo(measure: Measure, parts: readonly string[] | undefined): boolean {
  return measure.part === undefined || parts === undefined || parts.includes(measure.part);
}

export function numberOf(value: Value | undefined): number | undefined {
  return value?.kind === "number" ? value.value : undefined;
}
