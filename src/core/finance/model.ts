/**
 * A budget table as read from finance's ledger export or budget workbook: which column means
 * what, the data rows, the Summa rows and the sign convention. Plain data; recognise.ts builds it.
 */
import type { Problem } from "../model";

/** The amounts a driftredovisning shows per row. `skillnad` is a deviation column (Skillnad, Avvikelse). */
export type AmountKind = "intakter" | "kostnader" | "netto" | "skillnad";
export type Scenario = "budget" | "utfall" | "prognos";
export type MoneyUnit = "tkr" | "kr";

/** What an amount column holds: kind, and when the header says so, scenario and year or period. */
export interface AmountSeries {
  kind: AmountKind;
  scenario?: Scenario;
  year?: number;
  /** A period code from the header (2025T1, 2025H1), when the header names one rather than a year. */
  period?: string;
}

export interface ColumnRef {
  /** 0-based index into the row arrays. */
  index: number;
  /** Excel column letter (A, B, …). */
  letter: string;
  /** The header cells above the data, joined with " / " (as the user sees them). */
  header: string;
}

export interface AmountColumn extends ColumnRef {
  series: AmountSeries;
  /** True when the header gave no kind and the column was read as netto (a warning says so). */
  assumedNet?: true;
}

/** A column that could not be placed: listed, never guessed. */
export interface UnplacedColumn extends ColumnRef {
  why: "unknown" | "duplicate";
}

export interface BudgetRow {
  /** 0-based index into the table. */
  index: number;
  /** Excel row number (1-based). */
  rowNumber: number;
  /** The label as shown (invisible characters removed). */
  label: string;
  /** From a period/year column, when the table has one. */
  period?: string;
  isSumma: boolean;
  /** One entry per amount column, same order as BudgetTable.amountColumns; undefined = blank (missing, not 0). */
  amounts: (number | undefined)[];
}

/**
 * How the table prints signs: +1 or −1 per kind, relative to positive magnitudes (income ≥ 0,
 * cost ≥ 0, netto = income − cost). costs −1: costs printed negative. netto −1: netto printed
 * positive for a net cost ("nettokostnad"). undefined: the table does not show it.
 */
export interface SignConvention {
  intakter?: 1 | -1;
  kostnader?: 1 | -1;
  netto?: 1 | -1;
}

export interface BudgetTable {
  source: string;
  sheet?: string;
  /** The Excel row numbers of the header rows. */
  headerRows: number[];
  label?: ColumnRef;
  periodColumn?: ColumnRef;
  amountColumns: AmountColumn[];
  unplaced: UnplacedColumn[];
  /** The unit the amounts are in; undefined when neither header nor option said (a problem says so). */
  unit?: MoneyUnit;
  /** Where the unit came from. */
  unitFrom?: "header" | "option";
  rows: BudgetRow[];
  signs: SignConvention;
  /** What the table is: operating (drift) or investment (investeringar, not operating costs). */
  kind: "drift" | "investering";
  problems: Problem[];
}

export interface RecogniseOptions {
  source: string;
  sheet?: string;
  /** The unit when the header does not say it (--enhet); a header that says otherwise is a problem. */
  unit?: MoneyUnit;
  /** The scenario of columns whose header does not say budget, utfall or prognos. */
  scenario?: Scenario;
}

export type Cell = string | number | boolean | null | undefined;
