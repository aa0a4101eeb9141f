/**
 * The roll-up as tidy data: one row per unit, measure (and case, for wait-time lists), plus
 * the level-2 figures. This is what Power BI or a pivot table reads directly.
 */
import type { UnitReport, Uppdrag } from "./model";
import type { RollupResult } from "./rollup";
import { computeUnitRatio } from "./derive";
import { valueTypeOf } from "./valueTypes";
import { aggregationOf } from "./aggregations";
import type { TargetOutcome } from "./comparison/model";

export interface TidyRow {
  uppdrag: string;
  period: string;
  level: 2 | 3;
  unit: string;
  measureId: string;
  label: string;
  value: number | string | null;
  unitOfMeasure: string;
  /** Case number within a wait-time list; null for everything else. */
  caseNumber: number | null;
  /** The template version the figures were collected with (measures keep their id across versions while their meaning holds). */
  templateVersion: string;
  /** A level-2 row's target (målvärde) from the targets file, when one was given (format 3). */
  target?: number | null;
  /** The target's status ("uppnått", "nära", "ej uppnått", "kan inte bedömas"), beside target. */
  targetStatus?: string | null;
}

/** The columns of format 1 (before the template version and format number were written). */
export const TIDY_HEADERS_V1 = [
  "uppdrag",
  "period",
  "nivå",
  "enhet",
  "mått_id",
  "mått",
  "värde",
  "måttenhet",
  "ärende",
] as const;
/** The columns of format 2: format 1 and the template version and format number. */
export const TIDY_HEADERS_V2 = [...TIDY_HEADERS_V1, "mallversion", "format"] as const;
/** The format of the tidy record written today; docs/tidy.md describes each format. */
export const TIDY_FORMAT = 3;
/** Format 3 adds a level-2 row's target and its status (empty when no targets were given). */
export const TIDY_HEADERS = [...TIDY_HEADERS_V2, "mål", "målstatus"] as const;

export const LEVEL2_UNIT = "Nivå 2 (hela uppdraget)";

export function tidyRow(r: TidyRow): (string | number | null)[] {
  return [
    r.uppdrag,
    r.period,
    r.level,
    r.unit,
    r.measureId,
    r.label,
    r.value,
    r.unitOfMeasure,
    r.caseNumber,
    r.templateVersion,
    TIDY_FORMAT,
    r.target ?? null,
    r.targetStatus ?? null,
  ];
}

function unitRows(uppdrag: Uppdrag, report: UnitReport, period: string): TidyRow[] {
  const rows: TidyRow[] = [];
  const base = {
    uppdrag: uppdrag.id,
    period,
    level: 3 as const,
    unit: report.unit,
    templateVersion: uppdrag.version,
  };
  for (const m of uppdrag.measures) {
    const common = { ...base, measureId: m.id, label: m.label, unitOfMeasure: m.unit, caseNumber: null };
    if (m.formula) {
      if (m.part && report.parts && !report.parts.includes(m.part)) continue;
      rows.push({ ...common, value: computeUnitRatio(m.formula, report.values) });
      continue;
    }
    const v = report.values[m.id];
    if (v === undefined) continue; // not asked of this unit (another part)
    for (const cell of valueTypeOf(m).tidy(v)) rows.push({ ...common, ...cell });
  }
  return rows;
}

/** The roll-up's rows; given the targets' outcomes, each level-2 row with a target carries it and its status. */
export function tidyRows(
  uppdrag: Uppdrag,
  result: RollupResult,
  targets: readonly TargetOutcome[] = [],
): TidyRow[] {
  const rows = result.used.flatMap((r) => unitRows(uppdrag, r, result.period));
  const byId = new Map(uppdrag.measures.map((m) => [m.id, m]));
  const targetOf = new Map(targets.map((t) => [t.measureId, t]));
  for (const f of result.figures) {
    const m = byId.get(f.measureId)!;
    if (!aggregationOf(m).tidy) continue;
    rows.push({
      uppdrag: uppdrag.id,
      period: result.period,
      level: 2,
      unit: LEVEL2_UNIT,
      measureId: m.id,
      label: m.label,
      value: f.value,
      unitOfMeasure: m.unit,
      caseNumber: null,
      templateVersion: uppdrag.version,
      ...(targetOf.has(m.id)
        ? {
            target: targetOf.get(m.id)?.target.target ?? null,
            targetStatus: targetOf.get(m.id)?.status ?? null,
          }
        : {}),
    });
  }
  return rows;
}
