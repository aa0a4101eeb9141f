/** Derived figures (ratios) from a set of values: patienter per PAS, andel inom garanterad tid. */
import type { Measure, RatioFormula, Term, Value } from "./model";
import { exactRatio, toMicro } from "./exact";

/** Every measure id a formula reads. */
export function formulaInputs(formula: RatioFormula): string[] {
  return [...new Set([...formula.numerator, ...formula.denominator].map((t) => t.measure))];
}

/** The measures a level-2 figure needs from a unit: a ratio's terms, a weighted mean's value and weight, else itself. */
export function figureInputs(measure: Measure): string[] {
  if (measure.formula) return formulaInputs(measure.formula);
  return measure.weight ? [measure.id, measure.weight] : [measure.id];
}

/** Σ sign × value in micro-units, or undefined when any term is missing. */
export function termsMicro(
  terms: readonly Term[],
  values: Record<string, Value | undefined>,
): bigint | undefined {
  let total = 0n;
  for (const term of terms) {
    // Not measures.numberOf: that module reaches the value types, whose ratio derives through here.
    const v = values[term.measure];
    if (v?.kind !== "number") return undefined;
    total += BigInt(term.sign) * toMicro(v.value);
  }
  return total;
}

/** The unit's own ratio: null when an input is missing or the denominator is 0. */
export function computeUnitRatio(
  formula: RatioFormula,
  values: Record<string, Value | undefined>,
): number | null {
  const numerator = termsMicro(formula.numerator, values);
  const denominator = termsMicro(formula.denominator, values);
  if (numerator === undefined || denominator === undefined) return null;
  return exactRatio(numerator, denominator, formula.factor);
}
