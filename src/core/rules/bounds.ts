/** A measure compared with a sum of others: avslutade ≤ början + nya; SIP ≥ patienter. */
import type { Rule, RuleProblem } from "../model";
import { exactSum } from "../exact";
import type { RuleContext } from "./context";

/**
 * The measure (or the sum of the measures given, e.g. personal per del) is at most the limit.
 * Of several measures only those asked for and filled in are summed: a partial breakdown
 * still may not exceed the total.
 */
export function checkAtMost(rule: Extract<Rule, { type: "atMost" }>, ctx: RuleContext): RuleProblem[] {
  const filled = [rule.measure].flat().flatMap((id) => {
    const value = ctx.applies(id) ? ctx.number(id) : undefined;
    return value === undefined ? [] : [{ id, value }];
  });
  const last = filled[filled.length - 1];
  if (!last || !ctx.applies(...rule.limit)) return [];
  const limits = ctx.numbers(rule.limit);
  if (!limits) return [];
  const measures = filled.map((f) => f.id);
  const value = exactSum(filled.map((f) => f.value));
  const limit = exactSum(limits);
  if (value <= limit) return [];
  const at = last.id;
  return [
    ctx.problem(rule, "exceedsLimit", at, rule.severity, {
      measure: ctx.labels(measures),
      value,
      limitLabel: ctx.labels(rule.limit),
      limit,
    }),
  ];
}

export function checkAtLeast(rule: Extract<Rule, { type: "atLeast" }>, ctx: RuleContext): RuleProblem[] {
  if (!ctx.applies(rule.measure, ...rule.reference)) return [];
  const value = ctx.number(rule.measure);
  const references = ctx.numbers(rule.reference);
  if (value === undefined || !references) return [];
  const reference = exactSum(references);
  if (value >= reference) return [];
  return [
    ctx.problem(rule, "belowReference", rule.measure, rule.severity, {
      measure: ctx.label(rule.measure),
      value,
      referenceLabel: ctx.labels(rule.reference),
      reference,
    }),
  ];
}

export function checkRequiresPositive(
  rule: Extract<Rule, { type: "requiresPositive" }>,
  ctx: RuleContext,
): RuleProblem[] {
  if (!ctx.applies(rule.when, rule.then)) return [];
  const when = ctx.number(rule.when);
  const then = ctx.number(rule.then);
  if (when === undefined || then === undefined || when <= 0 || then > 0) return [];
  return [
    ctx.problem(rule, "requiresPositive", rule.then, rule.severity, {
      when: ctx.label(rule.when),
      whenValue: when,
      then: ctx.label(rule.then),
    }),
  ];
}

export function checkRatioRange(
  rule: Extract<Rule, { type: "ratioRange" }>,
  ctx: RuleContext,
): RuleProblem[] {
  if (!ctx.applies(rule.measure)) return [];
  const value = ctx.number(rule.measure);
  if (value === undefined) return [];
  const below = rule.min !== undefined && value < rule.min;
  const above = rule.max !== undefined && value > rule.max;
  if (!below && !above) return [];
  return [
    ctx.problem(rule, "ratioOutOfRange", rule.measure, rule.severity, {
      measure: ctx.label(rule.measure),
      value: Math.round(value * 100) / 100,
      min: rule.min ?? "–",
      max: rule.max ?? "–",
    }),
  ];
}

/** Every counted case has its wait time: number of days entered = antal utredningar. */
export function checkListCount(rule: Extract<Rule, { type: "listCount" }>, ctx: RuleContext): RuleProblem[] {
  if (!ctx.applies(rule.list, rule.count)) return [];
  const count = ctx.number(rule.count);
  const list = ctx.report.values[rule.list];
  const entered = list?.kind === "list" ? list.values.length : 0;
  if (count === undefined || entered === count) return [];
  return [
    ctx.problem(rule, "listCountMismatch", rule.list, rule.severity, {
      list: ctx.label(rule.list),
      entered,
      count: ctx.label(rule.count),
      countValue: count,
    }),
  ];
}
