/**
 * The pure half of reading the active workbook: which names to fetch, and how the fetched
 * names and ranges become the same ReadOutcome that readUnitWorkbook gives for a file. The
 * Excel adapter only moves data; every decision about cells lives here, testable without Excel.
 */
import type { Catalog, RawCell } from "../core/model";
import { buildReport, identify, type ReadOutcome } from "../workbook/identify";
import { isInput } from "../core/measures";
import { META_KEYS, META_SHEET, definedName, measureIdFromName, metaName, type MetaKey } from "../workbook/layout";
import { cellsOf, parseAddress } from "../workbook/a1";

/** A workbook-scoped name as `workbook.names` lists it (Excel.NamedItem's name, type and value). */
export interface NameInfo {
  name: string;
  /** Excel.NamedItemType: "Range" for a reference, "String"/"Double"/… for a constant, "Error" for #REF!. */
  type: string;
  value: unknown;
}

/** One range as loaded from Excel: 2-D values with their number formats and value types. */
export interface RangeData {
  address: string;
  values: unknown[][];
  numberFormat?: unknown[][];
  /** Excel.RangeValueType per cell ("Empty", "Error", "Double", …); tells "#N/A" typed as text from the error. */
  valueTypes?: string[][];
}

// ---------------------------------------------------------------------------
// Cells

const ERROR_TEXT = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/;

/** Does a number format show a date or time (then SheetJS, and so readUnit, gives a Date)? */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "" || /^general$/i.test(format)) return false;
  const firstSection = format.split(";")[0] ?? "";
  const stripped = firstSection
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(stripped);
}

/** Excel serial day number (1900 system) → Date at UTC midnight plus the time part. */
function dateFromSerial(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

/**
 * One cell from the Excel API as readUnit's rawOf would have given it from the file:
 * "" is blank (null), error values become { error }, a percent-formatted fraction means
 * its percentage for a percent measure, a date-formatted number is a Date.
 */
export function rawFromCell(value: unknown, valueType?: string, numberFormat?: unknown, asPercent = false): RawCell {
  if (value === null || value === undefined || valueType === "Empty") return null;
  if (valueType === "Error" || (valueType === undefined && typeof value === "string" && ERROR_TEXT.test(value))) return { error: String(value) };
  if (typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (asPercent && typeof numberFormat === "string" && numberFormat.includes("%")) return value * 100;
    if (isDateFormat(numberFormat)) return dateFromSerial(value);
    return value;
  }
  const text = String(value);
  return text === "" ? null : text;
}

function cellsOfRange(range: RangeData, asPercent: boolean): RawCell[] {
  const out: RawCell[] = [];
  range.values.forEach((row, r) =>
    row.forEach((value, c) => out.push(rawFromCell(value, range.valueTypes?.[r]?.[c], range.numberFormat?.[r]?.[c], asPercent))),
  );
  return out;
}

function textOf(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

// ---------------------------------------------------------------------------
// What to fetch in the second round trip

export interface NameReadPlan {
  /** Names (as Excel spells them) whose ranges to load: every META_* and every U_<id> the catalog knows. */
  rangeNames: string[];
  /** Some metadata name is gone but the metadata sheet is there: read it by key instead. */
  readMetaSheet: boolean;
}

const metaKeyOf = (name: string): MetaKey | undefined => META_KEYS.find((k) => metaName(k).toLowerCase() === name.toLowerCase());

/**
 * The uppdrag is only known once the metadata cells are read, so the second round trip fetches
 * the inputs of every uppdrag in the catalog that the workbook has names for; it stays one trip.
 */
export function planNameReads(names: readonly NameInfo[], sheetNames: readonly string[], catalog: Catalog): NameReadPlan {
  const inputIds = new Set(catalog.uppdrag.flatMap((u) => u.measures.filter(isInput).map((m) => m.id.toLowerCase())));
  const rangeNames: string[] = [];
  const metaFound = new Set<MetaKey>();
  for (const n of names) {
    const key = metaKeyOf(n.name);
    if (key && (n.type === "Range" || isConstant(n))) metaFound.add(key);
    if (n.type !== "Range") continue;
    const id = measureIdFromName(n.name);
    if (key || (id !== undefined && inputIds.has(id))) rangeNames.push(n.name);
  }
  const hasMetaSheet = sheetNames.some((s) => s.toLowerCase() === META_SHEET.toLowerCase());
  return { rangeNames, readMetaSheet: hasMetaSheet && META_KEYS.some((k) => !metaFound.has(k)) };
}

const isConstant = (n: NameInfo) => ["String", "Integer", "Double", "Boolean"].includes(n.type);

// ---------------------------------------------------------------------------
// From fetched names and ranges to a ReadOutcome

export interface WorkbookSnapshot {
  /** Shown as the file in messages: the workbook's name or "(aktiv arbetsbok)". */
  file: string;
  names: readonly NameInfo[];
  /** Loaded ranges by name, any case. */
  ranges: ReadonlyMap<string, RangeData>;
  /** The metadata sheet's used range, when it was read (names lost). */
  metaSheet?: unknown[][];
}


function lowerKeyed<T>(map: ReadonlyMap<string, T>): Map<string, T> {
  return new Map([...map].map(([k, v]) => [k.toLowerCase(), v]));
}

function readMeta(snapshot: WorkbookSnapshot, ranges: Map<string, RangeData>): Partial<Record<MetaKey, string>> {
  const meta: Partial<Record<MetaKey, string>> = {};
  for (const n of snapshot.names) {
    const key = metaKeyOf(n.name);
    if (!key) continue;
    if (isConstant(n)) meta[key] = textOf(n.value).replace(/^="?|"$/g, "");
    const range = ranges.get(n.name.toLowerCase());
    if (range) meta[key] = textOf(range.values[0]?.[0]);
  }
  for (const row of snapshot.metaSheet ?? []) {
    const key = textOf(row[0]) as MetaKey;
    if ((META_KEYS as readonly string[]).includes(key) && meta[key] === undefined) meta[key] = textOf(row[1]);
  }
  return meta;
}

/** The same outcome, problem codes and notes as readUnitWorkbook, from what the Excel API returned. */
export function readOutcomeFromSnapshot(snapshot: WorkbookSnapshot, catalog: Catalog): ReadOutcome {
  const { file } = snapshot;
  const ranges = lowerKeyed(snapshot.ranges);
  const meta = readMeta(snapshot, ranges);
  const identity = identify(meta, file, catalog);
  if (!identity.ok) return identity;
  return buildReport(identity, file, (measure) => {
    const range = ranges.get(definedName(measure.id).toLowerCase());
    const where = range && parseAddress(range.address);
    if (!range || !where) return undefined;
    return { values: cellsOfRange(range, measure.type === "percent"), location: { file, sheet: where.sheet, cell: where.cell }, cells: cellsOf(where.cell) };
  });
}
