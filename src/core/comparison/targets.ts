/**
 * Targets (målvärden): a file of their own per uppdrag and year, so a changed target never
 * forces a new template version. This module reads its table and judges each target.
 *
 * Status rules (also in docs/json.md and the Översikt sheet's formula, which must agree):
 * - no level-2 figure (missing, or a text) → "kan inte bedömas";
 * - "högre" is better: value ≥ target → "uppnått"; value ≥ target − tolerance → "nära";
 *   else "ej uppnått";
 * - "lägre" is better: value ≤ target → "uppnått"; value ≤ target + tolerance → "nära";
 *   else "ej uppnått".
 * The figure is compared unrounded, as the workbook's cell holds it. A blank tolerance is 0
 * (no "nära" band): the target file's author left no room, which is a choice, not a gap.
 */
import type { Measure, Problem, Uppdrag } from "../model";
import type { Figure } from "../rollup";
import { parseSwedishNumber } from "../swedishNumber";
import { hasNumericFigure } from "../catalog";
import type { Target, TargetOutcome, TargetSet, TargetStatus } from "./model";

type Cell = string | number | boolean | null | undefined;

/** The columns of a targets file; mått (the label) is for the person who fills it in. */
export const TARGET_HEADERS = [
  "uppdrag",
  "år",
  "mått_id",
  "mått",
  "målvärde",
  "riktning",
  "tolerans",
] as const;
const REQUIRED = ["mått_id", "målvärde", "riktning"] as const;

/** Measures a target can be set for: a level-2 figure that is a number. */
export function targetableMeasures(uppdrag: Uppdrag): Measure[] {
  const keys = new Set(uppdrag.keyMeasures ?? []);
  const all = uppdrag.measures.filter(hasNumericFigure);
  // Key measures first, as the nämnd reads them.
  return [...all.filter((m) => keys.has(m.id)), ...all.filter((m) => !keys.has(m.id))];
}

export function targetStatus(target: Target, value: number | undefined): TargetStatus {
  if (value === undefined || !Number.isFinite(value)) return "kan inte bedömas";
  if (target.better === "högre")
    return value >= target.target
      ? "uppnått"
      : value >= target.target - target.tolerance
        ? "nära"
        : "ej uppnått";
  return value <= target.target
    ? "uppnått"
    : value <= target.target + target.tolerance
      ? "nära"
      : "ej uppnått";
}

/** Each target judged against its level-2 figure, in the order of the targets file. */
export function targetOutcomes(targets: TargetSet | undefined, figures: readonly Figure[]): TargetOutcome[] {
  if (!targets) return [];
  const valueOf = new Map(figures.map((f) => [f.measureId, f.value]));
  return targets.targets.map((target) => {
    const v = valueOf.get(target.measureId);
    const value = typeof v === "number" ? v : undefined;
    return { measureId: target.measureId, target, value, status: targetStatus(target, value) };
  });
}

const text = (c: Cell): string => (c === null || c === undefined ? "" : String(c).trim());

function numberOf(c: Cell): number | undefined {
  if (typeof c === "number") return Number.isFinite(c) ? c : undefined;
  const parsed = parseSwedishNumber(text(c));
  return parsed.ok ? parsed.value : undefined;
}

export interface TargetsRead {
  /** Undefined when the file cannot be used at all (its problem says why). */
  targets?: TargetSet;
  problems: Problem[];
}

/**
 * Reads a targets table (header row first) for an uppdrag and the year of the period being
 * rolled up. Columns are found by their heading, in any order; uppdrag and år may be left
 * out. A row without a målvärde, riktning and tolerans is a measure left without a target.
 */
export function readTargetTable(
  table: readonly (readonly Cell[])[],
  source: string,
  uppdrag: Uppdrag,
  year: string,
): TargetsRead {
  const fail = (reason: string): TargetsRead => ({
    problems: [
      {
        code: "targetsUnreadable",
        severity: "fel",
        location: { file: source },
        params: { file: source, reason },
      },
    ],
  });
  const headerIndex = table.findIndex((r) => r.some((c) => text(c).toLowerCase() === "mått_id"));
  if (headerIndex < 0) return fail(`ingen rad med kolumnrubrikerna ${TARGET_HEADERS.join(";")}`);
  const header = (table[headerIndex] ?? []).map((c) => text(c).toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const lacking = REQUIRED.filter((h) => col(h) < 0);
  if (lacking.length) return fail(`kolumnen ${lacking.join(", ")} saknas`);

  const problems: Problem[] = [];
  const where = { file: source };
  const measures = new Map(targetableMeasures(uppdrag).map((m) => [m.id, m]));
  const firstRow = new Map<string, number>();
  const targets: Target[] = [];
  const uppdragIds = new Set<string>();
  const years = new Set<string>();
  const invalid = (row: number, column: string, found: Cell, expected: string) =>
    problems.push({
      code: "targetRowInvalid",
      severity: "fel",
      location: where,
      params: { file: source, row, column, found: text(found) || "(tom)", expected },
    });

  table.slice(headerIndex + 1).forEach((cells, i) => {
    const row = headerIndex + i + 2;
    const at = (name: string): Cell => (col(name) < 0 ? undefined : cells[col(name)]);
    const measureId = text(at("mått_id"));
    const [value, direction, tolerance] = [at("målvärde"), at("riktning"), at("tolerans")];
    if (!measureId && ![value, direction, tolerance].some((c) => text(c))) return;
    if (text(at("uppdrag"))) uppdragIds.add(text(at("uppdrag")));
    if (text(at("år"))) years.add(text(at("år")));
    if (![value, direction, tolerance].some((c) => text(c))) return; // no target set for this measure
    if (!measureId) return invalid(row, "mått_id", measureId, "ett mått-id ur mallen");
    if (!measures.has(measureId))
      return problems.push({
        code: "targetUnknownMeasure",
        severity: "fel",
        location: where,
        params: { file: source, row, measure: measureId, uppdrag: uppdrag.id },
      });
    const first = firstRow.get(measureId);
    if (first !== undefined)
      return problems.push({
        code: "targetRepeated",
        severity: "fel",
        location: where,
        params: { file: source, row, measure: measureId, firstRow: first },
      });
    const target = numberOf(value);
    if (target === undefined) return invalid(row, "målvärde", value, "ett tal, t.ex. 85 eller 2,5");
    const better = text(direction).toLowerCase();
    if (better !== "högre" && better !== "lägre")
      return invalid(row, "riktning", direction, "högre eller lägre: vilket som är bättre");
    const tol = text(tolerance) === "" ? 0 : numberOf(tolerance);
    if (tol === undefined || tol < 0) return invalid(row, "tolerans", tolerance, "ett tal ≥ 0, eller tomt");
    firstRow.set(measureId, row);
    targets.push({ measureId, target, better, tolerance: tol });
  });

  const otherUppdrag = [...uppdragIds].find((u) => u !== uppdrag.id);
  if (otherUppdrag)
    return {
      problems: [
        {
          code: "targetsOtherUppdrag",
          severity: "fel",
          location: where,
          params: { file: source, found: otherUppdrag, expected: uppdrag.id },
        },
      ],
    };
  const otherYear = [...years].find((y) => y !== year);
  if (otherYear)
    return {
      problems: [
        {
          code: "targetsOtherYear",
          severity: "fel",
          location: where,
          params: { file: source, found: otherYear, expected: year },
        },
      ],
    };
  return { targets: { uppdrag: uppdrag.id, year, source, targets }, problems };
}
