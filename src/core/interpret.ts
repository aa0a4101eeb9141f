/**
 * From raw cells to a unit report: each input measure's cells are parsed (parse.ts) and every
 * problem gets the cell it concerns. Reading the cells is the adapters' job, not this one's.
 */
import type { Location, Problem, RawCell, UnitReport, Uppdrag, Value } from "./model";
import { appliesTo, isInput, numberOf } from "./measures";
import { parseMeasureInput } from "./parse";
import { valueTypeOf } from "./valueTypes";
import { present } from "./invariant";

export interface RawReport {
  uppdragId: string;
  templateVersion: string;
  unit: string;
  period: string;
  parts?: string[];
  file: string;
  cells: Record<string, RawCell | RawCell[]>;
  locations: Record<string, Location>;
  /** For a list of cases: the location of each raw cell, in the order of `cells`. */
  caseLocations?: Record<string, Location[]>;
}

export function interpretReport(
  uppdrag: Uppdrag,
  raw: RawReport,
): { report: UnitReport; problems: Problem[] } {
  const values: Record<string, Value> = {};
  const problems: Problem[] = [];
  const caseLocations: Record<string, Location[]> = {};
  for (const measure of uppdrag.measures) {
    if (!isInput(measure) || !appliesTo(measure, raw.parts)) continue;
    const outcome = parseMeasureInput(measure, raw.cells[measure.id] ?? null);
    values[measure.id] = outcome.value;
    const location = raw.locations[measure.id];
    // A case's problem names the case's own cell, not the whole list's range.
    const cellLocations = raw.caseLocations?.[measure.id];
    const at = (index: number | undefined) =>
      (index !== undefined ? cellLocations?.[index] : undefined) ?? location;
    outcome.problems.forEach((p, i) => {
      const where = at(outcome.cellOf?.problems[i]);
      problems.push(where ? { ...p, location: where } : p);
    });
    if (cellLocations && outcome.cellOf && outcome.value.kind === "list")
      caseLocations[measure.id] = outcome.cellOf.values.map((i) =>
        present(at(i), `platsen för ett ärende i ${measure.id}`),
      );
  }
  // A list of cases left blank when the count says there were none is an empty list, not a missing one.
  for (const measure of uppdrag.measures) {
    const value = values[measure.id];
    // Only a blank list: an unreadable one ("x") stays invalid, it is not "no cases".
    if (
      valueTypeOf(measure).entry !== "cases" ||
      !measure.countedBy ||
      value?.kind !== "missing" ||
      value.invalid
    )
      continue;
    if (numberOf(values[measure.countedBy]) === 0) values[measure.id] = { kind: "list", values: [] };
  }
  const { cells: _cells, caseLocations: _perCell, ...rest } = raw;
  return {
    report: { ...rest, values, ...(Object.keys(caseLocations).length > 0 ? { caseLocations } : {}) },
    problems,
  };
}
