/**
 * What the task pane asks of its host. Inside Excel the Office.js adapter (excelHost.ts)
 * implements it; in a plain browser the standalone host works on files and downloads. The
 * React components get an implementation as a prop and never touch `Excel` themselves.
 */
import type { Catalog, Severity } from "../core/model";
import type { ReadOutcome } from "../workbook/identify";
import type { CollectedRollup } from "../workbook/collect";

export interface CellRef {
  sheet: string;
  /** A1 address or range, e.g. "C7" or "C12:C211". */
  cell: string;
}

export interface HighlightCell extends CellRef {
  severity: Severity;
}

export interface HostOperations {
  /** "excel" inside Office, "standalone" in a browser. */
  readonly kind: "excel" | "standalone";
  /** Opens the template's bytes as a new workbook (Excel) or downloads it (standalone). */
  openTemplate(bytes: Uint8Array, fileName: string): Promise<void>;
  /** Reads the inputs of the workbook at hand (the active workbook in Excel), all in one batch. */
  readActiveWorkbook?(catalog: Catalog): Promise<ReadOutcome>;
  /** Selects a cell so the user sees it. */
  selectCell?(ref: CellRef): Promise<void>;
  /** Marks cells with problems (fill colour); remembers the previous fills so they can be restored. */
  highlight?(cells: HighlightCell[]): Promise<void>;
  /** Restores the fills `highlight` changed; values are never touched. */
  clearHighlight?(): Promise<void>;
  /** Writes the level-2 workbook's bytes: as sheets in the active workbook (Excel) or as a download. */
  deliverLevel2(bytes: Uint8Array, collected: CollectedRollup, fileName: string): Promise<void>;
}
