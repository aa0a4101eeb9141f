/**
 * Earlier periods and targets beside the current roll-up (issue 12): the data the Översikt
 * sheet, the Nivå 2 history columns, the charts, the JSON and the nämnd report all read.
 * Computed in core from PeriodRecords (earlier periods) and a targets file; written by adapters.
 */
import type { Problem } from "../model";

/** "uppnått" | "nära" | "ej uppnått" | "kan inte bedömas" — the four statuses the nämnd sees. */
export type TargetStatus = "uppnått" | "nära" | "ej uppnått" | "kan inte bedömas";

/** One line of a targets file: per uppdrag and year, apart from the template. */
export interface Target {
  measureId: string;
  target: number;
  /** Whether a higher or a lower figure is better. */
  better: "högre" | "lägre";
  /** How far on the wrong side of the target still counts as "nära" (same unit as the measure). */
  tolerance: number;
}

export interface TargetSet {
  uppdrag: string;
  /** The year the targets apply to, e.g. "2026". */
  year: string;
  source: string;
  targets: Target[];
}

/** A numeric figure for one period (missing stays undefined, never 0). */
export interface PeriodValue {
  period: string;
  value: number | undefined;
}

/** One measure for one unit (or level 2, unit = LEVEL2_UNIT) across periods. */
export interface MeasureSeries {
  measureId: string;
  unit: string;
  /** Earlier periods, oldest first. */
  earlier: PeriodValue[];
  current: PeriodValue;
  /** Current minus the latest earlier value; undefined when either is missing. */
  change: number | undefined;
  /** Set when a unit's figure moved more than the threshold since the latest earlier period. */
  movedBeyondThreshold: boolean;
}

export interface TargetOutcome {
  measureId: string;
  target: Target;
  value: number | undefined;
  status: TargetStatus;
}

/** An earlier period's file and what became of it: every file given is accounted for. */
export interface HistoryFile {
  file: string;
  /** The period it holds, when it could be read. */
  period?: string;
  used: boolean;
  /** Why it was not used (unreadable, another uppdrag, the same period as now, a duplicate …). */
  problem?: Problem;
}

export interface Comparison {
  /** Earlier periods found, oldest first. */
  periods: string[];
  series: MeasureSeries[];
  targets: TargetOutcome[];
  /** Unreadable history files, targets for unknown measures, … (Swedish messages via the pack). */
  problems: Problem[];
  /** Every earlier period's file given, used or not (absent when no history was asked for). */
  historyFiles?: HistoryFile[];
}
