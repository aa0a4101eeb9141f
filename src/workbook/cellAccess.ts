/**
 * Reading a unit's workbook, whichever way its cells arrive: the file reader (readUnit.ts, over
 * SheetJS's parse or the targeted scan) and the Excel adapter (rawFromRanges.ts, over the ranges
 * the Excel API loaded) each give a CellAccess, and everything decided about cells happens
 * here once: the metadata (by name, else from the metadata sheet), every input by its defined
 * name and, when the name is lost, beside its label. So the same workbook gives the same
 * outcome both ways. No spreadsheet library here, so the task pane can use it without one.
 */
import type { Catalog, RawCell } from "../core/model";
import { valueTypeOf } from "../core/valueTypes";
import { blockAddress, decodeRange, encodeCell, parseAddress, type CellPosition } from "./a1";
import { buildReport, fileProblem, identify, type Located, type ReadOutcome } from "./identify";
import {
  COLUMNS,
  HEADERS,
  META_KEYS,
  META_SHEET,
  definedName,
  metaName,
  rowsFor,
  type MetaKey,
} from "./layout";
import { LIMITS, WorkbookRejected, reject } from "./limits";
import { present } from "../core/invariant";

/** A cell with content, found by `scan` (row and column 0-based). */
export interface ScannedCell {
  r: number;
  c: number;
  /** Its value as text. */
  text: string;
}

/** The cells of a workbook as a reader holds them; rows and columns are 0-based. */
export interface CellAccess {
  readonly sheetNames: readonly string[];
  hasSheet(sheet: string): boolean;
  /** The reference a workbook-scoped defined name holds ("'Blad'!$C$7"), any case; undefined when there is no such name. */
  reference(name: string): string | undefined;
  /** The value a defined name holds instead of a reference (Excel lists such names); undefined when none. */
  constant(name: string): string | undefined;
  /** A cell's value as text, "" when blank. */
  text(sheet: string, r: number, c: number): string;
  /** A cell's value for the parser; a percent-formatted fraction means its percentage when `asPercent`. */
  raw(sheet: string, r: number, c: number, asPercent: boolean): RawCell;
  /** Every cell with content, row by row, and the first row of the sheet's range. Only called when a name is lost. */
  scan(sheet: string): { firstRow: number; cells: readonly ScannedCell[] };
}

/** The metadata: each META_<key> name's cell (or constant), else the metadata sheet, key in column A and value in B. */
export function readMeta(access: CellAccess): Partial<Record<MetaKey, string>> {
  const meta: Partial<Record<MetaKey, string>> = {};
  for (const key of META_KEYS) {
    const target = targetOf(access, metaName(key));
    if (target) meta[key] = access.text(target.sheet, target.start.row, target.start.col).trim();
    else {
      const constant = access.constant(metaName(key));
      if (constant !== undefined) meta[key] = constant;
    }
  }
  if (access.hasSheet(META_SHEET) && META_KEYS.some((k) => meta[k] === undefined)) {
    for (const { r } of access.scan(META_SHEET).cells.filter((x) => x.c === 0)) {
      const key = access.text(META_SHEET, r, 0).trim() as MetaKey;
      if ((META_KEYS as readonly string[]).includes(key) && meta[key] === undefined)
        meta[key] = access.text(META_SHEET, r, 1).trim();
    }
  }
  return meta;
}

interface Target {
  sheet: string;
  start: CellPosition;
  end: CellPosition;
}

/** Where a defined name points, when it points at cells of a sheet the workbook has. */
function targetOf(access: CellAccess, name: string): Target | undefined {
  const address = parseAddress(access.reference(name) ?? "");
  const range = address && decodeRange(address.cell);
  return address && range && access.hasSheet(address.sheet) ? { sheet: address.sheet, ...range } : undefined;
}

/** The cells a name points at, refused past the limit (a name on A1:XFD1048576 is 17 billion cells). */
function namedCells(target: Target, name: string, ref: string, file: string): CellPosition[] {
  const { start, end } = target;
  const count = (end.row - start.row + 1) * (end.col - start.col + 1);
  if (count > LIMITS.nameCells)
    reject("nameRangeTooLarge", file, { name, cells: count, ref, max: LIMITS.nameCells });
  const out: CellPosition[] = [];
  for (let row = start.row; row <= end.row; row++)
    for (let col = start.col; col <= end.col; col++) out.push({ row, col });
  return out;
}

// ---------------------------------------------------------------------------
// Fallback: find a measure by its label when its name is gone.

const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();

interface LabelPlace {
  sheet: string;
  r: number;
  valueColumn: number;
}

/** Every text of four letters or more on the input sheets, first place first, with the column its value is in. */
function labelIndex(access: CellAccess): (label: string) => LabelPlace | undefined {
  const index = new Map<string, LabelPlace>();
  const header = norm(present(HEADERS[COLUMNS.value - 1], "värdekolumnens rubrik"));
  for (const sheet of access.sheetNames) {
    if (sheet === META_SHEET) continue;
    const { firstRow, cells } = access.scan(sheet);
    // The value column is the one headed "Värde" (columns may have been inserted), else the one after the label.
    // The first row (of the first 21) with such a header counts; in it, the rightmost.
    let valueHeader: number | undefined;
    let headerRow: number | undefined;
    for (const { r, c, text } of cells) {
      if (r > firstRow + 20 || (headerRow !== undefined && r !== headerRow)) continue;
      if (norm(text) === header) {
        headerRow = r;
        valueHeader = c;
      }
    }
    for (const { r, c, text } of cells) {
      const t = norm(text);
      if (t.length > 3 && !index.has(t))
        index.set(t, {
          sheet,
          r,
          valueColumn: valueHeader !== undefined && valueHeader > c ? valueHeader : c + 1,
        });
    }
  }
  return (label) => index.get(norm(label));
}

// ---------------------------------------------------------------------------

/**
 * The workbook's outcome: refused with one problem, or its raw report with the notes on what
 * had to be guessed. A limit passed is the file's rejection, never a part read.
 */
export function readCells(access: CellAccess, file: string, catalog: Catalog): ReadOutcome {
  try {
    return readIdentified(access, file, catalog);
  } catch (e) {
    if (e instanceof WorkbookRejected) return { ok: false, problem: e.problem };
    throw e;
  }
}

function readIdentified(access: CellAccess, file: string, catalog: Catalog): ReadOutcome {
  const meta = readMeta(access);
  if (access.sheetNames.length === 0) return { ok: false, problem: fileProblem("emptyFile", file) };
  const identity = identify(meta, file, catalog);
  if (!identity.ok) return identity;
  let findLabel: ((label: string) => LabelPlace | undefined) | undefined;
  return buildReport(identity, file, (measure): Located | undefined => {
    const asPercent = valueTypeOf(measure).fractionAsPercent === true;
    const name = definedName(measure.id);
    const target = targetOf(access, name);
    if (target) {
      const cells = namedCells(target, name, present(access.reference(name), `namnet ${name}`), file);
      const cell = blockAddress(
        target.start,
        target.end.row - target.start.row + 1,
        target.end.col - target.start.col + 1,
      );
      return {
        values: cells.map(({ row, col }) => access.raw(target.sheet, row, col, asPercent)),
        location: { file, sheet: target.sheet, cell },
        cells: cells.map(encodeCell),
      };
    }
    // The name is gone (or points nowhere): look for the measure's label instead, and say so.
    findLabel ??= labelIndex(access);
    const found = findLabel(measure.label);
    if (!found) return undefined;
    const rows =
      valueTypeOf(measure).entry === "cases"
        ? Array.from({ length: rowsFor(measure) - 1 }, (_, i) => found.r + 1 + i)
        : [found.r];
    const cell = blockAddress(
      { row: present(rows[0], `raden för ${measure.id}`), col: found.valueColumn },
      rows.length,
      1,
    );
    const location = { file, sheet: found.sheet, cell };
    return {
      values: rows.map((r) => access.raw(found.sheet, r, found.valueColumn, asPercent)),
      location,
      cells: rows.map((row) => encodeCell({ row, col: found.valueColumn })),
      note: {
        code: "nameMissingUsedLabel",
        severity: "varning",
        measureId: measure.id,
        location,
        params: { name, measure: measure.label },
      },
    };
  });
}
