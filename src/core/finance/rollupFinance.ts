/**
 * A roll-up's finance: the budget table read and checked, its rows matched to the roll-up's units
 * (with a saved mapping when there is one), each unit's money for the period and the uppdrag's
 * key figures. One bundle that the Ekonomi sheet, the JSON and the tidy rows all read, so they
 * cannot disagree.
 */
import type { Problem, Uppdrag } from "../model";
import { parsePeriod } from "../period";
import type { RollupResult } from "../rollup";
import { selectionProblems, unitMoney, type UnitMoney } from "./amounts";
import { computeKeyFigures, type KeyFigureResult } from "./keyFigures";
import { matchRows, type BudgetMapping, type MatchResult } from "./mapping";
import type { BudgetTable } from "./model";
import type { Periodisation } from "./periodise";

export interface FinanceRollup {
  table: BudgetTable;
  match: MatchResult;
  /** Money per matched unit (tkr, magnitudes: netto = intäkter − kostnader). */
  money: Map<string, UnitMoney>;
  keyFigures: KeyFigureResult[];
  periodisation?: Periodisation;
  /** Where the saved mapping was read from, when one was. */
  mappingFile?: string;
  /** The table's own problems, the matching's and the key figures'. */
  problems: Problem[];
}

export interface FinanceRollupInput {
  table: BudgetTable;
  /** The table's problems as readBudgetTable gave them. */
  tableProblems: readonly Problem[];
  saved?: BudgetMapping;
  mappingFile?: string;
  monthlyWeights?: readonly number[];
}

export function financeRollup(
  uppdrag: Pick<Uppdrag, "measures" | "keyFigures">,
  result: Pick<RollupResult, "period" | "used">,
  input: FinanceRollupInput,
): FinanceRollup {
  const { table } = input;
  const units = result.used.map((r) => r.unit);
  const match = matchRows(table, units, input.saved);
  const period = parsePeriod(result.period);
  const selection = period ? { year: period.year, period: period.code } : {};
  const money = unitMoney(table, match.matched, selection);
  const problems: Problem[] = [
    ...input.tableProblems,
    ...selectionProblems(table, selection),
    ...match.problems,
  ];
  let keyFigures: KeyFigureResult[] = [];
  let periodisation: Periodisation | undefined;
  if (period) {
    const computed = computeKeyFigures(
      uppdrag,
      result.used.map((r) => ({ unit: r.unit, values: r.values, money: money.get(r.unit) })),
      { period, ...(input.monthlyWeights ? { monthlyWeights: input.monthlyWeights } : {}) },
    );
    keyFigures = computed.figures;
    periodisation = computed.periodisation;
    problems.push(...computed.problems);
  }
  return {
    table,
    match,
    money,
    keyFigures,
    ...(periodisation ? { periodisation } : {}),
    ...(input.mappingFile ? { mappingFile: input.mappingFile } : {}),
    problems,
  };
}
