/**
 * The pure half of reading the active workbook: which names to fetch, and how the fetched
 * names and ranges become the same ReadOutcome that readUnitWorkbook gives for a file. The
 * Excel adapter only moves data; every decision about cells lives here, testable without Excel.
 */
import type { Catalog } from "../core/model";
import type { ReadOutcome } from "../workbook/identify";
import { readCells, type CellAccess } from "../workbook/cellAccess";
import { isInput } from "../core/measures";
import { META_KEYS, META_SHEET, measureIdFromName, metaName, type MetaKey } from "../workbook/layout";
import { decodeRange, parseAddress } from "../workbook/a1";
import { rawFromCell } from "./rawCell";

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

const metaKeyOf = (name: string): MetaKey | undefined =>
  META_KEYS.find((k) => metaName(k).toLowerCase() === name.toLowerCase());

/**
 * The uppdrag is only known once the metadata cells are read, so the second round trip fetches
 * the inputs of every uppdrag in the catalog that the workbook has names for; it stays one trip.
 */
export function planNameReads(
  names: readonly NameInfo[],
  sheetNames: readonly string[],
  catalog: Catalog,
): NameReadPlan {
  const inputIds = new Set(
    catalog.uppdrag.flatMap((u) => u.measures.filter(isInput).map((m) => m.id.toLowerCase())),
  );
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
  sheetNames: readonly string[];
  names: readonly NameInfo[];
  /** Loaded ranges by name, any case. */
  ranges: ReadonlyMap<string, RangeData>;
  /** The metadata sheet's used range, when it was read (names lost). */
  metaSheet?: RangeData;
  /** Every other sheet's used range, once loaded for the labels of inputs whose names are lost. */
  usedRanges?: readonly RangeData[];
}

/** Thrown while reading a snapshot without used ranges when a lost name means labels must be searched. */
class NeedsUsedRanges extends Error {}

interface LoadedCell {
  value: unknown;
  valueType?: string;
  numberFormat?: unknown;
}

/** The loaded ranges as cells: sheet (lower case) → "row,col" → what Excel gave. */
function cellGrid(ranges: Iterable<RangeData>): Map<string, Map<string, LoadedCell>> {
  const grid = new Map<string, Map<string, LoadedCell>>();
  for (const range of ranges) {
    const where = parseAddress(range.address);
    const corners = where && decodeRange(where.cell);
    if (!where || !corners) continue;
    const sheet = grid.get(where.sheet.toLowerCase()) ?? new Map<string, LoadedCell>();
    grid.set(where.sheet.toLowerCase(), sheet);
    range.values.forEach((row, r) =>
      row.forEach((value, c) =>
        sheet.set(`${corners.start.row + r},${corners.start.col + c}`, {
          value,
          valueType: range.valueTypes?.[r]?.[c],
          numberFormat: range.numberFormat?.[r]?.[c],
        }),
      ),
    );
  }
  return grid;
}

/** What the Excel API returned, as the shared reading sees a workbook (cellAccess.ts). */
function accessOf(snapshot: WorkbookSnapshot): CellAccess {
  const named = new Map([...snapshot.ranges].map(([name, range]) => [name.toLowerCase(), range]));
  const infos = new Map(snapshot.names.map((n) => [n.name.toLowerCase(), n]));
  const whole = [...(snapshot.metaSheet ? [snapshot.metaSheet] : []), ...(snapshot.usedRanges ?? [])];
  const grid = cellGrid([...whole, ...named.values()]);
  const sheets = new Set(snapshot.sheetNames.map((s) => s.toLowerCase()));
  const cell = (sheet: string, r: number, c: number) => grid.get(sheet.toLowerCase())?.get(`${r},${c}`);
  return {
    sheetNames: snapshot.sheetNames,
    hasSheet: (sheet) => sheets.has(sheet.toLowerCase()),
    reference: (name) => named.get(name.toLowerCase())?.address,
    constant: (name) => {
      const info = infos.get(name.toLowerCase());
      return info && isConstant(info) ? textOf(info.value).replace(/^="?|"$/g, "") : undefined;
    },
    text: (sheet, r, c) => textOf(cell(sheet, r, c)?.value),
    raw: (sheet, r, c, asPercent) => {
      const loaded = cell(sheet, r, c);
      return loaded ? rawFromCell(loaded.value, loaded.valueType, loaded.numberFormat, asPercent) : null;
    },
    scan: (sheet) => {
      const used = usedRangeOf(snapshot, sheet);
      const where = used && parseAddress(used.address);
      const start = where && decodeRange(where.cell)?.start;
      if (!used || !start) return { firstRow: 0, cells: [] };
      const cells = used.values.flatMap((row, r) =>
        row.flatMap((value, c) =>
          value === null || value === undefined || value === ""
            ? []
            : [{ r: start.row + r, c: start.col + c, text: String(value) }],
        ),
      );
      return { firstRow: start.row, cells };
    },
  };
}

/** A sheet's used range as loaded; the input sheets' only in the trip after a name was found lost. */
function usedRangeOf(snapshot: WorkbookSnapshot, sheet: string): RangeData | undefined {
  if (sheet.toLowerCase() === META_SHEET.toLowerCase()) return snapshot.metaSheet;
  if (!snapshot.usedRanges) throw new NeedsUsedRanges();
  return snapshot.usedRanges.find(
    (u) => parseAddress(u.address)?.sheet.toLowerCase() === sheet.toLowerCase(),
  );
}

/**
 * The same outcome, problem codes and notes as readUnitWorkbook, from what the Excel API
 * returned; undefined when an input's name is lost and the sheets' used ranges must be loaded
 * (usedRanges) so its label can be looked for.
 */
export function readOutcomeFromSnapshot(
  snapshot: WorkbookSnapshot,
  catalog: Catalog,
): ReadOutcome | undefined {
  try {
    return readCells(accessOf(snapshot), snapshot.file, catalog);
  } catch (e) {
    if (e instanceof NeedsUsedRanges) return undefined;
    throw e;
  }
}
