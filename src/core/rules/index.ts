/** The registry of cross-measure rules: one checker per rule type declared in the catalog. */
import type { Rule, RuleProblem, RuleType } from "../model";
import { checkBalance } from "./balance";
import { checkAtLeast, checkAtMost, checkListCount, checkRatioRange, checkRequiresPositive } from "./bounds";
import { checkContinuity } from "./continuity";
import type { RuleContext } from "./context";

type Checker<T extends RuleType> = (rule: Extract<Rule, { type: T }>, ctx: RuleContext) => RuleProblem[];

const CHECKERS: { [T in RuleType]: Checker<T> } = {
  balance: checkBalance,
  atMost: checkAtMost,
  atLeast: checkAtLeast,
  requiresPositive: checkRequiresPositive,
  ratioRange: checkRatioRange,
  listCount: checkListCount,
  continuity: checkContinuity,
};

export function runRule(rule: Rule, ctx: RuleContext): RuleProblem[] {
  const checker = CHECKERS[rule.type] as Checker<typeof rule.type>;
  return checker(rule as never, ctx);
}

export { RuleContext } from "./context";
