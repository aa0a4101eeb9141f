/** The finance core (issue 11): budget tables, their checks, rows mapped to units, key figures. */
export * from "./model";
export { readBudgetTable, recognitionLines } from "./budgetFile";
export { recogniseBudgetTable, columnLetter, cellRef } from "./recognise";
export { checkBudgetTable, summaBlocks } from "./checks";
export { describeSigns, toMagnitude } from "./signs";
export { describeSeries } from "./headers";
export * from "./mapping";
export { unitMoney, selectionProblems, type UnitMoney, type MoneyKind, type MoneySelection } from "./amounts";
export {
  computeKeyFigures,
  type UnitFinanceInput,
  type KeyFigureResult,
  type UnitKeyFigure,
  type FigureParts,
  type KeyFigureOptions,
} from "./keyFigures";
export { periodise, periodMonths, type Periodisation } from "./periodise";
export { financeRollup, type FinanceRollup, type FinanceRollupInput } from "./rollupFinance";
