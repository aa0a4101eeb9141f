/** Everything the pane does with workbook files; imported only through workbookModule.ts. */
import * as XLSX from "xlsx";
import { provideSheetjs } from "../workbook/sheetjs";

// The reader loads SheetJS on first use with a require the bundle leaves out (sheetjs.ts); here, in the lazy chunk, it is handed over.
provideSheetjs(XLSX);

export { planTemplates } from "../workbook/createTemplates";
export { checkFiles, readPrevious } from "../workbook/collect";
export { levelTwoOf } from "../workbook/levelTwo";
export { comparisonOf } from "../workbook/comparisonFiles";
export {
  budgetCellsOfFile,
  budgetOfWorkbook,
  confirmMapping,
  ekonomiLayoutOf,
  financeNotes,
  financeOf,
  level2WithEkonomi,
  matchBudget,
  parseMapping,
  readBudget,
  serializeMapping,
} from "./budgetOps";
