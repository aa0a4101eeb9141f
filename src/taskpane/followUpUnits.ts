/** The follow-up's units the budget rows are matched to: those of the roll-up, else a typed list. */
import type { CollectedRollup } from "../workbook/collect";
import { unitKey } from "../core/unitName";
import { parseUnitList } from "../core/unitList";

export interface FollowUpUnits {
  units: string[];
  /** Where they came from, for the user. */
  from: "rollup" | "list";
  errors: string[];
}

/** The units that sent a file used in the roll-up (the units with measures), each once, in the roll-up's order. */
export function unitsOfRollup(collected: CollectedRollup): string[] {
  const seen = new Set<string>();
  return collected.result.used.flatMap((r) => {
    const key = unitKey(r.unit);
    if (seen.has(key)) return [];
    seen.add(key);
    return [r.unit];
  });
}

export function followUpUnits(collected: CollectedRollup | undefined, listText: string): FollowUpUnits {
  if (collected) return { units: unitsOfRollup(collected), from: "rollup", errors: [] };
  const list = parseUnitList(listText);
  return { units: list.units.map((u) => u.unit), from: "list", errors: list.errors };
}
