/**
 * What an aggregation is, in one object: how the units' values roll up to the level-2 figure,
 * the live Excel formula that recomputes it, the basis the workbook shows beside it, its
 * Swedish label, and where the figure is used (rules on figures, tidy data, key figures).
 * The registry (index.ts) holds one per AggregationKind.
 */
import type { Measure, Value } from "../model";

export interface FigureDetails {
  numerator?: number;
  denominator?: number;
  count?: number;
  median?: number;
  mean?: number;
  min?: number;
  max?: number;
  yes?: number;
  answered?: number;
  weightTotal?: number;
  tally?: Record<string, number>;
  texts?: { unit: string; text: string }[];
}

/** What an aggregation makes of the contributing units' values. */
export interface FigureOutcome {
  /** null when there is no figure (a denominator of 0, no cases). */
  value: number | null;
  details: FigureDetails;
  /** Why value is null although units reported (figure… texts in messages/sv.ts). */
  note?: string;
}

/** The parts of a level-2 figure its basis text and key figure read. */
export interface FigureView {
  value: number | null;
  details: FigureDetails;
  contributors: readonly string[];
}

/** Where the level-2 summary sheet keeps what a formula refers to (A1 text only: no Excel library in core). */
export interface FormulaContext {
  /** The range of the unit columns on a row of the summary sheet, e.g. E7:H7. */
  unitRange(row: number): string;
  /** The summary row of a measure; undefined when it is not on the sheet. */
  rowOf(measureId: string): number | undefined;
  /** For a list of cases: the range of its cases on the cases sheet. */
  caseRange(measureId: string): string | undefined;
  /** What a unit's cell shows for a measure of a part its workbook does not cover. */
  notCovered: string;
}

export interface AggregationDescriptor {
  /** Short Swedish name for controllers (describe). */
  label: string;
  /** How the level-2 figure comes about, in words a nämnd understands (the Nivå 2 sheet, where it prints). */
  explain(measure: Measure): string;
  /**
   * Excel number format of the level-2 figure when the number alone would not say what it counts
   * (a bare 4 on a choice's row); undefined = the value type's format.
   */
  figureFormat?: string;
  /** The figure is a number the cross-measure rules can compare on level 2. */
  numeric: boolean;
  /** The figure is written as a level-2 row of tidy data. */
  tidy: boolean;
  /** The units' answers go side by side on the level-2 workbook's Analyser sheet instead of a row of the summary. */
  sideBySide: boolean;
  /**
   * What the measure must declare for this aggregation (a weight, a statistic), checked when the
   * catalog loads: the field and the message code when it is missing or wrong.
   */
  catalogCheck?(
    measure: Measure,
    isNumeric: (measureId: string) => boolean,
  ): { field: string; code: "catalogWeightMissing" | "catalogStatisticMissing" } | undefined;
  /** The level-2 figure from the units that gave what it needs (at least one); `valuesOf` gives a unit's values. */
  rollUp(
    measure: Measure,
    contributors: readonly string[],
    valuesOf: (unit: string) => Record<string, Value>,
  ): FigureOutcome;
  /** Excel's own computation of the figure on the summary sheet; undefined = the value only. */
  formula(measure: Measure, row: number, ctx: FormulaContext): string | undefined;
  /** What the figure rests on, in Swedish, beside it on the summary sheet; `unitOf` gives a measure's unit. */
  basis(measure: Measure, figure: FigureView, unitOf: (measureId: string) => string): string;
  /** The figure at a glance in the task pane; undefined = not shown there (texts, tallies, per-unit only). */
  keyFigure?(
    measure: Measure,
    figure: FigureView,
    format: (n: number) => string,
  ): { value: string; unit: string };
}
