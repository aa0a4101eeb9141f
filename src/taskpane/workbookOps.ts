/** Everything the pane does with workbook files; imported only through workbookModule.ts. */
export { writeTemplate } from "../workbook/template";
export { checkFiles, readPrevious } from "../workbook/collect";
export { levelTwoOf } from "../workbook/levelTwo";
