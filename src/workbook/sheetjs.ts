/**
 * SheetJS, loaded on first use: about 275 ms of start-up that the targeted read of our own
 * templates, `list`, `describe` and `--help` never need. In Node a plain require (not import())
 * keeps the reader synchronous. webpack is told to leave that require alone (webpackIgnore,
 * with commonjsMagicComments in webpack.config.js): bundled, it would put SheetJS in the task
 * pane's first load, as this module is reached from it; the pane's lazily loaded workbook
 * chunk hands SheetJS over instead (provideSheetjs in taskpane/workbookOps.ts).
 */
import type * as XLSX from "xlsx";

let loaded: typeof XLSX | undefined;

/** For a bundle: the SheetJS module to use, given before any workbook is read in full. */
export function provideSheetjs(module: typeof XLSX): void {
  loaded = module;
}

export function sheetjs(): typeof XLSX {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous and left alone by webpack, as said above
  return (loaded ??= require(/* webpackIgnore: true */ "xlsx") as typeof XLSX);
}
