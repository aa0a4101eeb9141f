/** This period's start equals the previous period's end, when that workbook is given. */
import type { Rule, RuleProblem } from "../model";
import { numberOf } from "../measures";
import type { RuleContext } from "./context";

export function checkContinuity(
  rule: Extract<Rule, { type: "continuity" }>,
  ctx: RuleContext,
): RuleProblem[] {
  const previous = ctx.previous;
  if (!previous || !ctx.applies(rule.current, rule.previous)) return [];
  const current = ctx.number(rule.current);
  const before = numberOf(previous.values[rule.previous]);
  if (current === undefined || before === undefined || current === before) return [];
  return [
    ctx.problem(rule, "continuityMismatch", rule.current, rule.severity, {
      current: ctx.label(rule.current),
      value: current,
      previous: ctx.label(rule.previous),
      previousValue: before,
      previousPeriod: previous.period,
      previousFile: previous.file,
    }),
  ];
}
