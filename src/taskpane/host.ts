/**
 * What the task pane asks of its host. Inside Excel the Office.js adapter (src/excel/excelHost.ts)
 * gives an ExcelHost; in a plain browser the standalone host (standaloneHost.ts) works on files
 * and downloads. The components get a host as a prop, never touch `Excel` themselves, and tell
 * the two apart by `kind`: what only Excel can do exists only on the Excel host.
 */
import type { Catalog, Severity } from "../core/model";
import type { ReadOutcome } from "../workbook/identify";

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
}

/** In a plain browser: no active workbook, so the pane checks picked files instead. */
export interface StandaloneHost extends EveryHost {
  readonly kind: "standalone";
}

export type HostOperations = ExcelHost | StandaloneHost;
