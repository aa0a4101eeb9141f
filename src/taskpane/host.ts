/**
 * What the task pane asks of its host. Inside Excel the Office.js adapter (src/excel/excelHost.ts)
 * gives an ExcelHost; in a plain browser the standalone host (standaloneHost.ts) works on files
 * and downloads. The components get a host as a prop, never touch `Excel` themselves, and tell
 * the two apart by `kind`: what only Excel can do exists only on the Excel host.
 */
import type { Catalog, Severity } from "../core/model";
import type { ReadOutcome } from "../workbook/identify";
import type { Cell } from "../core/finance/model";
import type { EkonomiLayout } from "../workbook/ekonomiLayout";

export interface CellRef {
  sheet: string;
  /** A1 address or range, e.g. "C7" or "C12:C211". */
  cell: string;
}

export interface HighlightCell extends CellRef {
  severity: Severity;
}

interface EveryHost {
  /** Opens the template's bytes as a new workbook (Excel) or downloads it as `fileName` (standalone). */
  openTemplate(bytes: Uint8Array, fileName: string): Promise<void>;
  /** Delivers the level-2 workbook: as sheets in the active workbook (Excel) or as a download named `fileName`. */
  deliverLevel2(bytes: Uint8Array, fileName: string): Promise<void>;
}

/** Every sheet of a workbook as cells from A1 (row numbers and column letters as Excel shows them). */
export interface WorkbookSheets {
  /** The workbook's name, for messages. */
  file: string;
  /** The active sheet's name. */
  active?: string;
  sheets: { name: string; cells: Cell[][] }[];
}

/** Inside Excel: the active workbook can be read, and its cells selected and marked. */
export interface ExcelHost extends EveryHost {
  readonly kind: "excel";
  /** Reads the inputs of the active workbook, in a fixed number of round trips. */
  readActiveWorkbook(catalog: Catalog): Promise<ReadOutcome>;
  /** Selects a cell so the user sees it. */
  selectCell(ref: CellRef): Promise<void>;
  /** Marks cells with problems (fill colour); remembers the previous fills so they can be restored. */
  highlight(cells: HighlightCell[]): Promise<void>;
  /** Restores the fills `highlight` changed; values are never touched. */
  clearHighlight(): Promise<void>;
  /** Every sheet's values, in a fixed number of round trips: the Ekonomi view looks for a budget table in them. */
  readWorkbookSheets(): Promise<WorkbookSheets>;
  /** The budget mapping saved in this workbook (its document settings), as the JSON text saved. */
  savedBudgetMapping(): string | undefined;
  /** Saves a confirmed budget mapping in this workbook, for the next period. */
  saveBudgetMapping(json: string): Promise<void>;
  /**
   * Writes the Ekonomi sheet into the active workbook in a fixed number of round trips, its
   * formulas pointing at the level 2 this host delivered last; returns the sheet's name.
   */
  writeEkonomiSheet(layout: EkonomiLayout): Promise<string>;
}

/** In a plain browser: no active workbook, so the pane checks picked files instead. */
export interface StandaloneHost extends EveryHost {
  readonly kind: "standalone";
}

export type HostOperations = ExcelHost | StandaloneHost;
