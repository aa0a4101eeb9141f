/** Flows balance: vid periodens början + nya − avslutade = vid periodens slut. */
import type { Rule, RuleProblem } from "../model";
import { exactSum } from "../exact";
import type { RuleContext } from "./context";
import { present } from "../invariant";

export function checkBalance(rule: Extract<Rule, { type: "balance" }>, ctx: RuleContext): RuleProblem[] {
  const ids = [rule.start, ...rule.add, ...rule.subtract, rule.end];
  if (!ctx.applies(...ids)) return [];
  const values = ctx.numbers(ids);
  if (!values) return [];
  const [start, ...rest] = values;
  const add = rest.slice(0, rule.add.length);
  const subtract = rest.slice(rule.add.length, rule.add.length + rule.subtract.length);
  const end = present(rest[rest.length - 1], rule.end);
  const expected = exactSum([present(start, rule.start), ...add, ...subtract.map((v) => -v)]);
  if (expected === end) return [];
  return [
    ctx.problem(rule, "balanceMismatch", rule.end, rule.severity, {
      start: ctx.label(rule.start),
      add: ctx.labels(rule.add),
      subtract: ctx.labels(rule.subtract),
      end: ctx.label(rule.end),
      expected,
      actual: end,
    }),
  ];
}
