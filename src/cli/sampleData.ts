/**
 * Plausible values for a unit's workbook, for the demo and the benchmark: random but seeded
 * (the same seed gives the same files), then adjusted so the uppdrag's rules hold.
 */
import type { Measure, Uppdrag } from "../core/model";
import { appliesTo, isInput } from "../core/measures";
import type { FillValue } from "../workbook/fill";
import { valueTypeOf } from "../core/valueTypes";
import { seeded } from "./seededRandom";

function sampleFor(m: Measure, rnd: () => number): FillValue | FillValue[] {
  return valueTypeOf(m).sample(m, rnd);
}

const num = (v: FillValue | FillValue[] | undefined) => (typeof v === "number" ? v : 0);

/** Values for every input measure the workbook asks for, made to satisfy the uppdrag's rules. */
export function sampleValues(
  uppdrag: Uppdrag,
  seed: number,
  parts?: string[],
): Record<string, FillValue | FillValue[]> {
  const rnd = seeded(seed);
  const values: Record<string, FillValue | FillValue[]> = {};
  for (const m of uppdrag.measures) if (isInput(m) && appliesTo(m, parts)) values[m.id] = sampleFor(m, rnd);
  const has = (...ids: string[]) => ids.every((id) => id in values);
  // Two passes: a fix for one rule (a larger total) may be what a later rule needs.
  for (let pass = 0; pass < 2; pass++) {
    for (const rule of uppdrag.rules) {
      switch (rule.type) {
        case "balance":
          if (has(rule.start, rule.end, ...rule.add, ...rule.subtract)) {
            const start = num(values[rule.start]);
            const add = rule.add.reduce((s, id) => s + num(values[id]), 0);
            // Never close more than there were.
            for (const id of rule.subtract) values[id] = Math.min(num(values[id]), start + add);
            values[rule.end] = start + add - rule.subtract.reduce((s, id) => s + num(values[id]), 0);
          }
          break;
        case "atMost": {
          const ids = [rule.measure].flat().filter((id) => id in values);
          if (ids.length > 0 && has(...rule.limit)) {
            const limit = rule.limit.reduce((s, id) => s + num(values[id]), 0);
            let left = limit;
            for (const id of ids) {
              const v = Math.min(num(values[id]), left);
              values[id] =
                typeof values[id] === "number" && !Number.isInteger(values[id]) ? v : Math.floor(v);
              left -= num(values[id]);
            }
          }
          break;
        }
        case "atLeast":
          if (has(rule.measure, ...rule.reference))
            values[rule.measure] = Math.max(
              num(values[rule.measure]),
              rule.reference.reduce((s, id) => s + num(values[id]), 0),
            );
          break;
        case "requiresPositive":
          if (has(rule.when, rule.then) && num(values[rule.when]) > 0 && num(values[rule.then]) === 0)
            values[rule.then] = 1;
          break;
        case "listCount":
          if (has(rule.list, rule.count)) values[rule.count] = (values[rule.list] as FillValue[]).length;
          break;
        default:
          break;
      }
    }
  }
  return values;
}
