/**
 * Roll-up from level 3 (units) to level 2 (the whole uppdrag), as a careful controller
 * does it by hand: sums for counts, flows and stocks; ratios recomputed from summed
 * numerators and denominators; medians from all cases pooled; yes/no as "x av n";
 * texts side by side; a blank is missing, never 0.
 *
 * An Accumulation keeps every unit's value (provenance); figures are computed from it
 * exactly, so the result does not depend on the order of the units.
 */
import type { AggregationKind, Measure, Problem, ProblemOf, UnitReport, Uppdrag, Value } from "./model";
import type { CodesWith, ProblemParams } from "./messages/codes";
import { appliesTo } from "./measures";
import { figureInputs } from "./derive";
import { aggregationOf, headlineStatistic, median, type FigureDetails } from "./aggregations";
import { problemMeasures } from "./rules/concerns";
import { levelTwoProblems } from "./rules/levelTwo";
import { unitKey } from "./unitName";
import { present } from "./invariant";

export type { FigureDetails };

export interface ExpectedUnit {
  unit: string;
  parts?: string[];
}

/** Per measure: the value of every unit that was asked for it. */
export interface Accumulation {
  uppdragId: string;
  templateVersion: string;
  period: string;
  /** unit → the parts its workbook covered (undefined = all). */
  units: Map<string, string[] | undefined>;
  /** unit → its values (inputs only). */
  values: Map<string, Record<string, Value>>;
}

export interface Figure {
  measureId: string;
  aggregate: AggregationKind;
  /** The level-2 figure; null when no unit gave what it needs (or a ratio's denominator is 0). */
  value: number | null;
  details: FigureDetails;
  /** Units whose values made the figure. */
  contributors: string[];
  /** Units asked for the measure that left it blank, or expected units that sent nothing. */
  missing: string[];
  /** True when every unit asked for the measure contributed. */
  complete: boolean;
  /**
   * Contributors whose file has an error ("fel") on a value behind the figure (any of
   * figureInputs, or a failed rule over them): the figure counts those values (ERROR_POLICY).
   */
  flaggedUnits: string[];
  /** Why value is null although units reported, e.g. "nämnaren är 0" (figure… texts in messages/sv.ts). */
  note?: string;
}

/** Unit names are compared by unitKey (see unitName.ts: NFKC, invisible characters removed, look-alike letters folded). */
export { unitKey };

export function accumulate(reports: readonly UnitReport[]): Accumulation {
  const first = reports[0];
  const acc: Accumulation = {
    uppdragId: first?.uppdragId ?? "",
    templateVersion: first?.templateVersion ?? "",
    period: first?.period ?? "",
    units: new Map(),
    values: new Map(),
  };
  const keys = new Set<string>();
  for (const r of reports) {
    // Misuse of the API (mixing uppdrag or duplicate units); `rollup` screens for these first.
    if (
      r.uppdragId !== acc.uppdragId ||
      r.templateVersion !== acc.templateVersion ||
      r.period !== acc.period
    ) {
      throw new Error(`${r.file}: ${r.uppdragId} ${r.templateVersion} ${r.period}`);
    }
    if (!addUnitKey(keys, r.unit)) throw new Error(`dubblett: ${r.unit}`);
    acc.units.set(r.unit, r.parts);
    acc.values.set(r.unit, r.values);
  }
  return acc;
}

/** Adds a unit's key to `keys`; false when a unit of the same key (look-alike names are one unit) is already there. */
function addUnitKey(keys: Set<string>, unit: string): boolean {
  const key = unitKey(unit);
  if (keys.has(key)) return false;
  keys.add(key);
  return true;
}

const byName = (a: string, b: string) => a.localeCompare(b, "sv");

/** How a pooled figure is found, kept here too for the figure's readers. */
export { headlineStatistic, median };

/** Units asked for the measure: reporting units whose workbook covers its part, plus expected units that sent nothing. */
function askedUnits(
  measure: Measure,
  acc: Accumulation,
  absent: readonly ExpectedUnit[],
): { reporting: string[]; absent: string[] } {
  const reporting = [...acc.units]
    .filter(([, parts]) => appliesTo(measure, parts))
    .map(([u]) => u)
    .sort(byName);
  const absentAsked = absent
    .filter((e) => appliesTo(measure, e.parts))
    .map((e) => e.unit)
    .sort(byName);
  return { reporting, absent: absentAsked };
}

/** unit → the measures its file has an error ("fel") on, a failed rule counting for all its measures. */
export type ErrorMeasures = ReadonlyMap<string, ReadonlySet<string>>;

/** Which measures of each used report have errors, from the problems found in its file (keyed by file name). */
export function errorMeasures(
  uppdrag: Uppdrag,
  reports: readonly UnitReport[],
  fileProblems: ReadonlyMap<string, readonly Problem[]>,
): ErrorMeasures {
  const out = new Map<string, Set<string>>();
  for (const r of reports) {
    const ids = (fileProblems.get(r.file) ?? [])
      .filter((p) => p.severity === "fel")
      .flatMap((p) => problemMeasures(p, uppdrag.rules));
    if (ids.length > 0) out.set(r.unit, new Set(ids));
  }
  return out;
}

function figureFor(
  measure: Measure,
  acc: Accumulation,
  absent: readonly ExpectedUnit[],
  errors: ErrorMeasures,
): Figure {
  const asked = askedUnits(measure, acc, absent);
  const needs = figureInputs(measure);
  const has = (unit: string) =>
    needs.every((id) => {
      const v = acc.values.get(unit)?.[id];
      return v !== undefined && v.kind !== "missing";
    });
  const contributors = asked.reporting.filter(has);
  const missing = [...asked.reporting.filter((u) => !has(u)), ...asked.absent].sort(byName);
  const behind = [...needs, measure.id];
  const flaggedUnits = contributors.filter((u) => behind.some((id) => errors.get(u)?.has(id)));
  const base = {
    measureId: measure.id,
    aggregate: measure.aggregate,
    contributors,
    missing,
    complete: missing.length === 0,
    flaggedUnits,
  };
  if (contributors.length === 0) return { ...base, value: null, details: {} };

  return {
    ...base,
    ...aggregationOf(measure).rollUp(measure, contributors, (unit) =>
      present(acc.values.get(unit), `värdena från ${unit}`),
    ),
  };
}

/** Level-2 figures for every measure of the uppdrag. `absent` are expected units that sent nothing; `errors` flags figures. */
export function figures(
  uppdrag: Uppdrag,
  acc: Accumulation,
  absent: readonly ExpectedUnit[] = [],
  errors: ErrorMeasures = new Map(),
): Figure[] {
  return uppdrag.measures.filter((m) => m.levels.includes(2)).map((m) => figureFor(m, acc, absent, errors));
}

// ---------------------------------------------------------------------------
// Screening: which reports may be rolled up together.

export interface RejectedReport {
  report: UnitReport;
  problem: Problem;
}

/** A byte-identical copy of the file used for its unit: not used again, noted by `problem`. */
export interface CopiedReport {
  report: UnitReport;
  copyOf: UnitReport;
  problem: Problem;
}

/** A unit that sent different files: none is used and the unit counts as missing from the figures. */
export interface ConflictingUnit {
  unit: string;
  parts?: string[];
  files: string[];
}

export interface RollupResult {
  uppdragId: string;
  templateVersion: string;
  period: string;
  used: UnitReport[];
  rejected: RejectedReport[];
  copies: CopiedReport[];
  /** Expected units that sent no workbook at all. */
  absentUnits: ExpectedUnit[];
  /** Units (expected or not) that sent different files for the period; their files are rejected. */
  conflictingUnits: ConflictingUnit[];
  figures: Figure[];
  problems: Problem[];
  /** The uppdrag's cross-measure rules run on the level-2 figures (code levelTwoRule). */
  levelTwoProblems: Problem[];
}

export interface RollupOptions {
  expectedUnits?: ExpectedUnit[];
  /** The period the controller rolls up; default: the most common among the reports. */
  period?: string;
  /** Problems found in each file (by file name), to flag figures built on values with errors. */
  fileProblems?: ReadonlyMap<string, readonly Problem[]>;
  /**
   * What a report's file holds (its SHA-256): two files of one unit with the same key are one
   * file sent twice, not two answers. Without it every file counts as different.
   */
  contentKey?: (report: UnitReport) => string | undefined;
}

/** The value that occurs most often; ties go to the first in sort order, so input order does not matter. */
export function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "";
}

function reject<C extends CodesWith<{ file: string; unit: string }>>(
  report: UnitReport,
  code: C,
  params: Omit<ProblemParams[C], "file" | "unit">,
): RejectedReport {
  const problem: ProblemOf<C> = {
    code,
    severity: "fel",
    location: { file: report.file },
    params: { file: report.file, unit: report.unit, ...params } as ProblemParams[C],
  };
  return { report, problem: problem as Problem };
}

/**
 * File names in a stable order, so that which copy is used never depends on input order: the
 * shortest first ("norr.xlsx" before "norr (kopia).xlsx"), then by code point.
 */
export const compareFileNames = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
const byFile = (a: UnitReport, b: UnitReport) => compareFileNames(a.file, b.file);

/** One unit's reports grouped by content: one group when every file is a copy of the same one. */
function byContent(group: readonly UnitReport[], contentKey: RollupOptions["contentKey"]): UnitReport[][] {
  const groups = new Map<string, UnitReport[]>();
  for (const r of [...group].sort(byFile)) {
    const key = contentKey?.(r) || `file:${r.file}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}

/**
 * Rolls up the reports of one uppdrag and period. Reports of another uppdrag, period or
 * template version are rejected, not mixed in. A unit that sent the same file twice (same
 * content key) is used once, from the file first by name, and the other files are copies; a
 * unit that sent different files is rejected in all of them (which one is right is the
 * controller's call) and reported as such, not as a unit that sent nothing.
 */
export function rollup(
  uppdrag: Uppdrag,
  reports: readonly UnitReport[],
  options: RollupOptions = {},
): RollupResult {
  const period = options.period ?? mostCommon(reports.map((r) => r.period));
  const rejected: RejectedReport[] = [];
  const candidates: UnitReport[] = [];
  for (const r of reports) {
    if (r.uppdragId !== uppdrag.id)
      rejected.push(reject(r, "otherUppdrag", { found: r.uppdragId, expected: uppdrag.id }));
    else if (r.templateVersion !== uppdrag.version)
      rejected.push(reject(r, "otherVersion", { found: r.templateVersion, expected: uppdrag.version }));
    else if (r.period !== period)
      rejected.push(reject(r, "otherPeriod", { found: r.period, expected: period }));
    else candidates.push(r);
  }
  const byUnit = new Map<string, UnitReport[]>();
  for (const r of candidates) byUnit.set(unitKey(r.unit), [...(byUnit.get(unitKey(r.unit)) ?? []), r]);
  const used: UnitReport[] = [];
  const copies: CopiedReport[] = [];
  const conflictingUnits: ConflictingUnit[] = [];
  const expectedBy = new Map((options.expectedUnits ?? []).map((e) => [unitKey(e.unit), e]));
  for (const [key, group] of byUnit) {
    const contents = byContent(group, options.contentKey);
    if (contents.length === 1) {
      const [first, ...copiesOfKept] = present(contents[0], `filerna från ${key}`);
      const kept = present(first, `filerna från ${key}`);
      used.push(kept);
      for (const c of copiesOfKept)
        copies.push({
          report: c,
          copyOf: kept,
          problem: {
            code: "duplicateCopy",
            severity: "varning",
            location: { file: c.file },
            params: { file: c.file, copyOf: kept.file, unit: c.unit },
          },
        });
    } else {
      const sorted = [...group].sort(byFile);
      const files = sorted.map((r) => r.file);
      for (const r of group) rejected.push(reject(r, "duplicateUnit", { files: files.join(", ") }));
      const first = present(sorted[0], `filerna från ${key}`);
      const named = expectedBy.get(key) ?? {
        unit: first.unit,
        ...(first.parts ? { parts: first.parts } : {}),
      };
      conflictingUnits.push({ ...named, files });
    }
  }
  used.sort((a, b) => byName(a.unit, b.unit));
  conflictingUnits.sort((a, b) => byName(a.unit, b.unit));
  const reported = new Set([...used, ...conflictingUnits].map((r) => unitKey(r.unit)));
  const absentUnits = (options.expectedUnits ?? []).filter((e) => !reported.has(unitKey(e.unit)));
  const expectedKeys = new Set(expectedBy.keys());
  const problems: Problem[] = [...rejected.map((r) => r.problem), ...copies.map((c) => c.problem)];
  for (const e of absentUnits)
    problems.push({ code: "unitMissing", severity: "fel", params: { unit: e.unit } });
  for (const c of conflictingUnits)
    problems.push({
      code: "unitConflictingFiles",
      severity: "fel",
      params: { unit: c.unit, count: c.files.length, files: c.files.join(", ") },
    });
  if (options.expectedUnits) {
    for (const r of used) {
      if (!expectedKeys.has(unitKey(r.unit)))
        problems.push({
          code: "unitNotExpected",
          severity: "varning",
          location: { file: r.file },
          params: { unit: r.unit, file: r.file },
        });
    }
  }
  const acc = accumulate(used);
  const errors = errorMeasures(uppdrag, used, options.fileProblems ?? new Map());
  // A unit whose files disagree gave no figure: it is missing, like a unit that sent nothing.
  const notReporting = [...absentUnits, ...conflictingUnits.map(({ files: _files, ...unit }) => unit)];
  const levelTwo = figures(
    uppdrag,
    { ...acc, uppdragId: uppdrag.id, templateVersion: uppdrag.version, period },
    notReporting,
    errors,
  );
  return {
    uppdragId: uppdrag.id,
    templateVersion: uppdrag.version,
    period,
    used,
    rejected,
    copies,
    absentUnits,
    conflictingUnits,
    figures: levelTwo,
    problems,
    levelTwoProblems: levelTwoProblems(uppdrag, levelTwo),
  };
}
