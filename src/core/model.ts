/**
 * The follow-up model: what an uppdrag is, what a measure is, what a unit reports.
 * Plain data only; the catalog loader (catalog.ts) turns template files into these types.
 */
import type { ProblemCode, ProblemParams, RuleProblemCode } from "./messages/codes";

/** The document's own word for what kind of measure this is. */
export const MEASURE_KINDS = [
  "struktur",
  "process",
  "resultat",
  "effekt",
  "kvalitetsomrade",
  "grundlaggande",
  "kvalitetskrav",
  "garanti",
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** What a unit types into the cell (or, for `ratio`, what the template derives). What each means: valueTypes/. */
export const VALUE_TYPE_IDS = [
  "count", // whole number >= 0 (antal)
  "decimal", // number with decimals >= 0 (årsarbetare, timmar)
  "tkr", // amount in thousands of kronor, may be negative (netto)
  "percent", // 0–100, typed by the unit (rarely: prefer a ratio of counts)
  "days", // one whole number of days
  "daysList", // one whole number of days per case (väntetid per utredning): pooled at level 2
  "yesNo", // Ja / Nej
  "choice", // one of `options`
  "text", // free text (analys)
  "ratio", // derived: numerator / denominator of other measures, never typed
] as const;
export type ValueType = (typeof VALUE_TYPE_IDS)[number];

/**
 * How a level-2 figure is made from the units' values.
 * sum: counts and flows. stock: a count at the period's end date, summed over units.
 * ratio: recomputed from summed numerator and denominator. pooled: all cases of all units
 * pooled, then median/mean. weightedMean: mean weighted by another measure (share of
 * respondents). yesCount: "x av n enheter". tally: how many units chose each option.
 * text: kept per unit, side by side. none: shown per unit only.
 */
export const AGGREGATIONS = [
  "sum",
  "stock",
  "ratio",
  "pooled",
  "weightedMean",
  "yesCount",
  "tally",
  "text",
  "none",
] as const;
export type AggregationKind = (typeof AGGREGATIONS)[number];

export type Severity = "fel" | "varning";

/** A term in a derived figure: a measure id, optionally subtracted. */
export interface Term {
  measure: string;
  sign: 1 | -1;
}

export interface RatioFormula {
  numerator: Term[];
  denominator: Term[];
  /** 100 for a percentage, 1 for "patienter per PAS". */
  factor: number;
}

export interface MeasureChecks {
  min?: number;
  max?: number;
  /** Above this a value is possible but unusual: a warning (e.g. väntetid > 30 dagar). */
  warnAbove?: number;
  warnBelow?: number;
  /** A blank is an error (the unit must answer, 0 if nothing happened). */
  required: boolean;
}

export interface Measure {
  id: string;
  label: string;
  help: string;
  kind: MeasureKind;
  /** Levels the measure is reported at: 3 = per unit, 2 = aggregated uppdrag. */
  levels: number[];
  type: ValueType;
  /** Unit of measure as shown to people: "st", "dagar", "årsarbetare", "tkr", "%". */
  unit: string;
  section: string;
  /** The part (verksamhetsdel) the measure belongs to; absent = the whole uppdrag. */
  part?: string;
  aggregate: AggregationKind;
  /** For pooled: which statistic is the headline figure. */
  statistic?: "median" | "mean";
  /** For weightedMean: the measure whose value weighs each unit's value. */
  weight?: string;
  formula?: RatioFormula;
  options?: string[];
  checks: MeasureChecks;
  /** Maximum number of cases a daysList holds in the workbook. */
  maxCases?: number;
  /** For a daysList: the count measure that says how many cases there are (0 cases = an empty list, not missing). */
  countedBy?: string;
  /** Kolada KPI id where the measure matches one (only ids that were looked up). */
  kolada?: string;
}

export interface Section {
  id: string;
  label: string;
  /** Sheet the section is written to in a unit's workbook (≤ 31 characters). */
  sheet: string;
  description?: string;
}

export interface Part {
  id: string;
  label: string;
}

/** Cross-measure rules, declared as data in the catalog and run by src/core/rules. */
export type Rule =
  | {
      type: "balance";
      id: string;
      start: string;
      add: string[];
      subtract: string[];
      end: string;
      severity: Severity;
    }
  | { type: "atMost"; id: string; measure: string | string[]; limit: string[]; severity: Severity }
  | { type: "atLeast"; id: string; measure: string; reference: string[]; severity: Severity }
  | { type: "requiresPositive"; id: string; when: string; then: string; severity: Severity }
  | { type: "ratioRange"; id: string; measure: string; min?: number; max?: number; severity: Severity }
  | { type: "listCount"; id: string; list: string; count: string; severity: Severity }
  | { type: "continuity"; id: string; current: string; previous: string; severity: Severity };
export type RuleType = Rule["type"];

export type Frequency = "halvar" | "tertial" | "manad" | "ar";

/**
 * A key figure (nyckeltal) that puts money beside measures. perVolume: an amount from the budget
 * table (tkr) per person or case, in kr; `per` is a measure (a flow or one stock) or a start and
 * end stock, averaged when both exist. budgetDeviation: utfall (or helårsprognos) − budget on
 * netto, in tkr or in % of the budget; partial-year utfall is compared with the periodised budget.
 */
export type KeyFigure =
  | {
      kind: "perVolume";
      id: string;
      label: string;
      help?: string;
      amount: "kostnader" | "intakter" | "nettokostnad";
      scenario: "utfall" | "budget";
      per: { measure: string } | { start: string; end: string };
      unit: string;
    }
  | {
      kind: "budgetDeviation";
      id: string;
      label: string;
      help?: string;
      compare: "utfall" | "prognos";
      as: "tkr" | "procent";
    };

export interface Uppdrag {
  id: string;
  version: string;
  name: string;
  description: string;
  /** Where the uppdrag is described (source document). */
  source: string;
  frequency: Frequency[];
  parts: Part[];
  sections: Section[];
  measures: Measure[];
  rules: Rule[];
  /** Key figures beside the measures they use (absent = none). */
  keyFigures?: KeyFigure[];
  /** Ids of the measures a nämnd reads first (absent = none declared); see keyMeasuresOf. */
  keyMeasures?: string[];
  /** The file it was loaded from, for messages. */
  file: string;
}

export interface Catalog {
  uppdrag: Uppdrag[];
}

// ---------------------------------------------------------------------------
// What units report

/** Where a value sits, for messages: file, sheet and A1 cell. */
export interface Location {
  file?: string;
  sheet?: string;
  cell?: string;
}

/** A cell as read from a workbook or the Excel API, before interpretation. */
export type RawCell = string | number | boolean | Date | null | undefined | { error: string };

/** A parsed value. Numbers are plain numbers rounded to 6 decimals; missing is its own kind. */
export type Value =
  /** invalid: something was typed but could not be read (already reported; not also "saknas"). */
  | { kind: "missing"; invalid?: true }
  | { kind: "number"; value: number }
  | { kind: "yesNo"; value: boolean }
  | { kind: "text"; value: string }
  | { kind: "list"; values: number[] };

export const MISSING: Value = { kind: "missing" };

/** The values one unit's workbook holds for one uppdrag and period. */
export interface UnitReport {
  uppdragId: string;
  templateVersion: string;
  unit: string;
  period: string;
  /** Parts the workbook covers; undefined = the whole uppdrag (all parts). */
  parts?: string[];
  file: string;
  values: Record<string, Value>;
  locations?: Record<string, Location>;
  /** For a list of cases: the cell of each value, in the order of `values` (a problem names the case's own cell). */
  caseLocations?: Record<string, Location[]>;
}

// ---------------------------------------------------------------------------
// Problems: data problems are values, never exceptions.

interface ProblemBase {
  severity: Severity;
  measureId?: string;
  location?: Location;
}

/** A problem with one code: its params are the ones that code's message needs (messages/codes.ts). */
export type ProblemOf<C extends ProblemCode> = {
  [K in C]: ProblemBase & { code: K; params: ProblemParams[K] };
}[C];

/** Any problem: a union over the codes, so a code with the wrong params does not compile. */
export type Problem = ProblemOf<ProblemCode>;

/** Cross-measure rule problems: the ones a rule on the level-2 figures can repeat (levelTwoRule). */
export type RuleProblem = ProblemOf<RuleProblemCode>;
