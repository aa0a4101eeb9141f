/** Everything the pane does with workbook files; imported only through workbookModule.ts. */
export { writeTemplate } from "../workbook/template";
export { checkFiles, readPrevious, rollupFiles } from "../workbook/collect";
export { writeLevel2 } from "../workbook/writeLevel2";
