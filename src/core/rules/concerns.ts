/** Which measures a rule, and so a problem, is about: a broken flow has no single wrong cell. */
import type { Problem, Rule } from "../model";

/** Every measure a rule judges together; an error on the rule concerns each of them. */
export function ruleMeasures(rule: Rule): string[] {
  switch (rule.type) {
    case "balance":
      return [rule.start, ...rule.add, ...rule.subtract, rule.end];
    case "atMost":
      return [...[rule.measure].flat(), ...rule.limit];
    case "atLeast":
      return [rule.measure, ...rule.reference];
    case "requiresPositive":
      return [rule.when, rule.then];
    case "ratioRange":
      return [rule.measure];
    case "listCount":
      return [rule.list, rule.count];
    case "continuity":
      // The previous measure is last period's value, not one of this report's.
      return [rule.current];
  }
}

/** The measures a problem concerns: all of a failed rule's measures, else the one it names. */
export function problemMeasures(problem: Problem, rules: readonly Rule[]): string[] {
  const ruleId = "rule" in problem.params ? problem.params.rule : undefined;
  const rule = ruleId === undefined ? undefined : rules.find((r) => r.id === ruleId);
  if (rule) return ruleMeasures(rule);
  return problem.measureId ? [problem.measureId] : [];
}
