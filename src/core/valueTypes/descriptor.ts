/**
 * What a value type is, in one object: how a cell is read, what is checked, how it is shown
 * and validated in the template, how it rolls up, how it is written and described. The
 * registry (index.ts) holds one per ValueType; every layer asks it instead of switching on the type.
 */
import type { AggregationKind, Measure, Problem, RawCell, Value } from "../model";

/** For a list of cases, `cellOf` says which raw cell (index) each value and each problem came from. */
export type ParseOutcome = {
  value: Value;
  problems: Problem[];
  cellOf?: { values: number[]; problems: number[] };
};

/**
 * The data validation the template puts on an input cell, as data (template.ts turns it into
 * Excel's): a number with bounds, or a pick from a list.
 */
export type TemplateValidation =
  | {
      kind: "number";
      whole: boolean;
      min?: number;
      max?: number;
      /** "Skriv …": what to type. */ what: string;
    }
  | {
      kind: "list";
      options: readonly string[];
      /** Shown on the cell and when a wrong value is typed. */ prompt: string;
    };

/** One cell of tidy data: the value and, for a list of cases, the case number. */
export interface TidyCell {
  value: number | string | null;
  caseNumber: number | null;
}

/** A unit's value in the JSON output (docs/json.md): a list of cases as its numbers, Ja/Nej as a boolean, missing as null. */
export type JsonValue = number | string | boolean | number[] | null;

/** A value the demo writes into a cell (the same shape as workbook/fill's FillValue). */
export type SampleValue = string | number | boolean | null;

/** A seeded random number generator in [0, 1). */
export type Random = () => number;

export interface ValueTypeDescriptor {
  /** Swedish description for people (describe, catalog listings). */
  label: string;
  /**
   * How it gets into a workbook: one input cell, one input cell per case (a list of cases),
   * or derived by the template and never typed.
   */
  entry: "cell" | "cases" | "derived";
  /** One number per unit: may be a term of a ratio, a weight, or a measure of a rule. */
  numeric: boolean;
  /** A figure only counted in whole units (antal, dagar). */
  wholeNumber: boolean;
  /** Answered in words (Ja/Nej, a choice, text) rather than with a figure: a blank is a missing answer. */
  answer: boolean;
  /** Bounds that hold when the catalog's checks give none (nothing negative; a percent at most 100). */
  bounds: { min?: number; max?: number };
  /** Aggregations to level 2 that make sense for the type. */
  aggregations: readonly AggregationKind[];
  /**
   * Reads the measure's raw cells (already free of error values): a value, or problems.
   * A type with one input cell reads the first non-blank cell.
   */
  parse(measure: Measure, cells: readonly RawCell[]): ParseOutcome;
  /** A cell formatted as a percentage holds a fraction that means its percentage (0,45 shown 45 % is 45): the readers scale it. */
  fractionAsPercent?: true;
  /** Excel number format of the input (or derived) cell; undefined = as typed. */
  numberFormat?: string;
  /** Excel number format of the level-2 figure; undefined = general. */
  level2NumberFormat?: string;
  /** The value column is wide on a sheet with this type (words, not figures). */
  wideValue: boolean;
  /** Long free text: a tall, wrapped input cell. */
  longText: boolean;
  /** Counts whole things: may say how many cases a list holds (a list's `countedBy`). */
  countsCases?: true;
  /**
   * May be the volume a key figure is per (kronor per patient, per vårddygn); the text names
   * such a measure in the catalog's messages ("ett antal").
   */
  keyFigureVolume?: string;
  /** A value computed from the unit's other values, never typed (a ratio); null when it cannot be. */
  derive?(measure: Measure, values: Readonly<Record<string, Value>>): number | null;
  /** What the measure must declare for this type (a choice's options), checked when the catalog loads. */
  catalogCheck?(measure: Measure): { field: string; code: "catalogChoiceWithoutOptions" } | undefined;
  /** What the template's data validation allows in the input cell; undefined = no validation. */
  validation(measure: Measure): TemplateValidation | undefined;
  /** A unit's value in the JSON output. */
  json(value: Value): JsonValue;
  /** A unit's value as rows of tidy data. */
  tidy(value: Value): TidyCell[];
  /** A plausible value for the demo and benchmark. */
  sample(measure: Measure, random: Random): SampleValue | SampleValue[];
}
