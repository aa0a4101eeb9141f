/**
 * What a workbook says it is (its metadata) checked against the catalog: shared by the file
 * reader (SheetJS) and the Excel adapter, so both refuse the same files with the same words.
 * No spreadsheet library here, so the task pane can use it without loading one.
 */
import type { Catalog, Location, Measure, Problem, ProblemOf, RawCell, Uppdrag } from "../core/model";
import type { CodesWith, ProblemParams, RestParams } from "../core/messages/codes";
import { appliesTo, isInput, measureLabel } from "../core/measures";
import { findUppdrag } from "../core/catalog";
import type { RawReport } from "../core/interpret";
import { definedName, type MetaKey } from "./layout";
import { metaParts, metaPeriod, metaTextProblem, metaUnit } from "../core/metadata";
import { hasConfusableLetters } from "../core/unitName";
import { valueTypeOf } from "../core/valueTypes";
import { present } from "../core/invariant";

/** The codes of problems that name a file. */
export type FileCode = CodesWith<{ file: string }>;

/** A whole file refused: the problem names the file. */
export function fileProblem<C extends FileCode>(
  code: C,
  file: string,
  ...[params]: RestParams<C, "file">
): Problem {
  const p: ProblemOf<C> = {
    code,
    severity: "fel",
    location: { file },
    params: { file, ...params } as ProblemParams[C],
  };
  return p as Problem;
}

/** A measure whose name was gone, read beside its label instead: where the value was taken from. */
export interface LabelRead {
  measureId: string;
  measure: string;
  sheet?: string;
  cell?: string;
}

export type ReadOutcome =
  | { ok: true; raw: RawReport; uppdrag: Uppdrag; notes: Problem[]; readByLabel?: LabelRead[] }
  | { ok: false; problem: Problem };

export type Identity =
  | { ok: true; uppdrag: Uppdrag; unit: string; period: string; parts?: string[] }
  | { ok: false; problem: Problem };

export function identify(meta: Partial<Record<MetaKey, string>>, file: string, catalog: Catalog): Identity {
  if (!meta.uppdrag) return { ok: false, problem: fileProblem("notATemplate", file) };
  const text = metaTextProblem(meta, file);
  if (text) return { ok: false, problem: text };
  const uppdrag = findUppdrag(catalog, meta.uppdrag);
  if (!uppdrag) return { ok: false, problem: fileProblem("unknownUppdrag", file, { uppdrag: meta.uppdrag }) };
  if (meta.mallversion !== uppdrag.version) {
    return {
      ok: false,
      problem: fileProblem("unknownVersion", file, {
        found: meta.mallversion ?? "–",
        expected: uppdrag.version,
        uppdrag: uppdrag.name,
      }),
    };
  }
  const unit = metaUnit(meta.enhet);
  if (!unit) return { ok: false, problem: fileProblem("noUnit", file) };
  const period = metaPeriod(meta.period, file);
  if (!period.ok) return period;
  const parts = metaParts(meta.delar, uppdrag, file);
  if (!parts.ok) return parts;
  return { ok: true, uppdrag, unit, period: period.period, ...(parts.parts ? { parts: parts.parts } : {}) };
}

/** The note for an input whose name (and label) could not be found: its value counts as missing. */
export function measureNotFound(measureId: string, label: string, file: string): Problem {
  return {
    code: "measureNotFound",
    severity: "fel",
    measureId,
    location: { file },
    params: { file, measure: label, name: definedName(measureId) },
  };
}

/** Where a reader found a measure's cells: their values, their place, and a note if it had to guess. */
export interface Located {
  values: RawCell[];
  location: Location;
  /** For a list of cases: the A1 cell of each value, in the order of `values`. */
  cells?: string[];
  note?: Problem;
}

/**
 * The raw report of an identified workbook: every input measure the workbook asks for, looked
 * up by the reader's `locate` (by defined name, in a file or through the Excel API). A measure
 * it cannot find is noted and stays missing.
 */
export function buildReport(
  identity: Extract<Identity, { ok: true }>,
  file: string,
  locate: (measure: Measure) => Located | undefined,
): ReadOutcome {
  const { uppdrag, parts } = identity;
  const cells: Record<string, RawCell | RawCell[]> = {};
  const locations: Record<string, Location> = {};
  const caseLocations: Record<string, Location[]> = {};
  const notes: Problem[] = [];
  // Compared as Latin letters (unitKey), but worth a look: often pasted from elsewhere, or a forgery.
  if (hasConfusableLetters(identity.unit))
    notes.push({
      code: "unitNameLookalike",
      severity: "varning",
      location: { file },
      params: { file, unit: identity.unit },
    });
  for (const measure of uppdrag.measures) {
    if (!isInput(measure) || !appliesTo(measure, parts)) continue;
    const found = locate(measure);
    if (!found) {
      notes.push(measureNotFound(measure.id, measure.label, file));
      continue;
    }
    const cases = valueTypeOf(measure).entry === "cases";
    cells[measure.id] = cases ? found.values : (found.values[0] ?? null);
    locations[measure.id] = found.location;
    if (cases && found.cells)
      caseLocations[measure.id] = found.cells.map((cell) => ({ ...found.location, cell }));
    if (found.note) notes.push(found.note);
  }
  const raw: RawReport = {
    uppdragId: uppdrag.id,
    templateVersion: uppdrag.version,
    unit: identity.unit,
    period: identity.period,
    ...(parts ? { parts } : {}),
    file,
    cells,
    locations,
    ...(Object.keys(caseLocations).length > 0 ? { caseLocations } : {}),
  };
  return { ok: true, raw, uppdrag, ...labelNotesOnce(notes, file, uppdrag) };
}

/**
 * One lost name is a note on its cell; many (a file saved in LibreOffice or as .ods, or copied
 * sheet by sheet) are one note for the file, not twenty alike, and the cells read go to `readByLabel`.
 */
function labelNotesOnce(
  notes: Problem[],
  file: string,
  uppdrag: Uppdrag,
): { notes: Problem[]; readByLabel?: LabelRead[] } {
  const byLabel = notes.filter((n) => n.code === "nameMissingUsedLabel");
  if (byLabel.length < 2) return { notes };
  const readByLabel = byLabel.map((n) => ({
    measureId: present(n.measureId, "måttet i en anteckning om etiketter"),
    measure: measureLabel(uppdrag, n.measureId) ?? "",
    sheet: n.location?.sheet,
    cell: n.location?.cell,
  }));
  const summary: Problem = {
    code: "namesMissingUsedLabels",
    severity: "varning",
    location: { file },
    params: { file, count: byLabel.length },
  };
  return { notes: [summary, ...notes.filter((n) => n.code !== "nameMissingUsedLabel")], readByLabel };
}
