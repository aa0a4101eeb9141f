/**
 * The file code (exceljs to write, SheetJS to read) loads on first use, in chunks of its own:
 * the pane opens without it. One promise, so concurrent first uses share the download; a failed
 * download is forgotten so the next click tries again.
 */
export type WorkbookModule = typeof import("./workbookOps");

let loading: Promise<WorkbookModule> | undefined;

export function loadWorkbookModule(): Promise<WorkbookModule> {
  loading ??= import(/* webpackChunkName: "workbook" */ "./workbookOps").catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
