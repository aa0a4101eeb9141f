/**
 * From raw cells to a unit report: each input measure's cells are parsed (parse.ts) and every
 * problem gets the cell it concerns. Reading the cells is the adapters' job, not this one's.
 */
import type { Location, Problem, RawCell, UnitReport, Uppdrag, Value } from "./model";
import { appliesTo, isInput, numberOf } from "./measures";
import { parseMeasureInput } from "./parse";

export interface RawReport {
  uppdragId: string;
  templateVersion: string;
  unit: string;
  period: string;
  parts?: string[];
  file: string;
  cells: Record<string, RawCell | RawCell[]>;
  locations: Record<string, Location>;
}

export function interpretReport(uppdrag: Uppdrag, raw: RawReport): { report: UnitReport; problems: Problem[] } {
  const values: Record<string, Value> = {};
  const problems: Problem[] = [];
  for (const measure of uppdrag.measures) {
    if (!isInput(measure) || !appliesTo(measure, raw.parts)) continue;
    const outcome = parseMeasureInput(measure, raw.cells[measure.id] ?? null);
    values[measure.id] = outcome.value;
    const location = raw.locations[measure.id];
    for (const p of outcome.problems) problems.push(location ? { ...p, location } : p);
  }
  // A list of cases left blank when the count says there were none is an empty list, not a missing one.
  for (const measure of uppdrag.measures) {
    if (measure.type !== "daysList" || !measure.countedBy || values[measure.id]?.kind !== "missing") continue;
    if (numberOf(values[measure.countedBy]) === 0) values[measure.id] = { kind: "list", values: [] };
  }
  const { cells: _cells, ...rest } = raw;
  return { report: { ...rest, values }, problems };
}

