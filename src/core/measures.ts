/** Lookups over an uppdrag's measures. */
import type { Measure, Uppdrag, Value } from "./model";

/** Measures a unit types in (everything but derived ratios). */
export function isInput(measure: Measure): boolean {
  return measure.type !== "ratio";
}

/** Does a workbook covering `parts` (undefined = all) ask for this measure? */
export function appliesTo(measure: Measure, parts: readonly string[] | undefined): boolean {
  return measure.part === undefined || parts === undefined || parts.includes(measure.part);
}

export function measuresFor(uppdrag: Uppdrag, parts?: readonly string[]): Measure[] {
  return uppdrag.measures.filter((m) => appliesTo(m, parts));
}

export function measureById(uppdrag: Uppdrag): Map<string, Measure> {
  return new Map(uppdrag.measures.map((m) => [m.id, m]));
}

export function numberOf(value: Value | undefined): number | undefined {
  return value?.kind === "number" ? value.value : undefined;
}
