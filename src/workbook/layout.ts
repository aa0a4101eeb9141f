/**
 * The layout contract shared by the template writer and the reader: sheet names, columns,
 * defined names and the hidden metadata sheet. Change it here and both follow.
 */
import type { Measure } from "../core/model";
import { valueTypeOf } from "../core/valueTypes";

export const INSTRUCTIONS_SHEET = "Instruktioner";
/** Hidden (veryHidden) sheet with what the workbook is: uppdrag, version, unit, period. */
export const META_SHEET = "Metadata";

/** Columns of an input sheet. */
export const COLUMNS = { id: 1, label: 2, value: 3, unit: 4, help: 5 } as const;
export const COLUMN_LETTERS = { id: "A", label: "B", value: "C", unit: "D", help: "E" } as const;
/** Rows: 1 title, 2 description, 4 header; measures start at row 5. */
export const HEADER_ROW = 4;
export const FIRST_MEASURE_ROW = 5;
export const HEADERS = ["Mått-id", "Mått", "Värde", "Enhet", "Hjälp"] as const;

/** Default number of case rows for a list of days when the catalog gives no maxCases. */
export const DEFAULT_MAX_CASES = 100;

/** Workbook-scoped defined name of a measure's input cell(s). Prefix keeps it from looking like a cell reference (SIP1). */
export function definedName(measureId: string): string {
  return `U_${measureId}`;
}

export function measureIdFromName(name: string): string | undefined {
  return /^U_([a-z][a-z0-9_]*)$/i.exec(name)?.[1]?.toLowerCase();
}

/** Keys of the metadata sheet (column A key, column B value), each also a defined name META_<key>. */
export const META_KEYS = [
  "uppdrag",
  "uppdragsnamn",
  "mallversion",
  "enhet",
  "period",
  "delar",
  "skapad",
  "verktyg",
] as const;
export type MetaKey = (typeof META_KEYS)[number];
export function metaName(key: MetaKey): string {
  return `META_${key}`;
}

/** How many rows a measure takes on its sheet. */
export function rowsFor(measure: Measure): number {
  return valueTypeOf(measure).entry === "cases" ? 1 + (measure.maxCases ?? DEFAULT_MAX_CASES) : 1;
}
