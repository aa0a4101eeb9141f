/** Everything the pane does with workbook files; imported only through workbookModule.ts. */
import * as XLSX from "xlsx";
import { provideSheetjs } from "../workbook/sheetjs";

// The reader loads SheetJS on first use with a require the bundle leaves out (sheetjs.ts); here, in the lazy chunk, it is handed over.
provideSheetjs(XLSX);

export { writeTemplate } from "../workbook/template";
export { checkFiles, previousFor, previousProblems, readPrevious, rollupFiles } from "../workbook/collect";
export { writeLevel2 } from "../workbook/writeLevel2";
