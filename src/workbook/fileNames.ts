/** File names given to what is written, the same from the command line and the task pane. */
import type { Uppdrag } from "../core/model";
import type { CollectedRollup } from "./collect";
import { slug } from "../core/slug";

export { slug } from "../core/slug";

/** Unique per unit in a list checked by parseUnitList with its uppdrag (see core/slug). */
export function templateFileName(uppdrag: Uppdrag, period: string, unit: string): string {
  return `${uppdrag.id}_${period}_${slug(unit)}.xlsx`;
}

export function level2FileName(collected: CollectedRollup): string {
  return `niva2_${collected.uppdrag.id}_${collected.result.period}.xlsx`;
}

/** The list of expected units that `create --units` and the task pane's Skapa write beside the templates. */
export const EXPECTED_UNITS_FILE = "forvantade-enheter.txt";
