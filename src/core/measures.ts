/** Lookups over an uppdrag's measures. */
import type { Measure, Uppdrag, Value } from "./model";
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

/** The label of the measure a problem is about, as messages and lists show it; undefined when there is none. */
export function measureLabel(
  uppdrag: Uppdrag | undefined,
  measureId: string | undefined,
): string | undefined {
  return measureId ? uppdrag?.measures.find((m) => m.id === measureId)?.label : undefined;
}
