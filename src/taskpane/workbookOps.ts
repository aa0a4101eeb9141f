/** Everything the pane does with workbook files; imported only through workbookModule.ts. */
export { planTemplates } from "../workbook/createTemplates";
export { checkFiles, readPrevious } from "../workbook/collect";
export { levelTwoOf } from "../workbook/levelTwo";
