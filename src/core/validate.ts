/**
 * Checks one unit's report: each measure's own checks from the catalog (whole numbers,
 * nothing negative, plausible ranges, required answers) and the uppdrag's cross-measure
 * rules, with the previous period's report when given.
 */
import type { Measure, Problem, ProblemOf, UnitReport, Uppdrag, Value } from "./model";
import type { CodesWith, ProblemParams } from "./messages/codes";
import { appliesTo, isInput } from "./measures";
import { parsePeriod, previousPeriod } from "./period";
import { RuleContext, runRule } from "./rules";
import { unitKey } from "./rollup";
import { boundsOf, valueTypeOf } from "./valueTypes";

type MeasureCode = CodesWith<{ measure: string }>;

function measureProblem<C extends MeasureCode>(
  measure: Measure,
  report: UnitReport,
  code: C,
  severity: Problem["severity"],
  params: Omit<ProblemParams[C], "measure">,
  location = report.locations?.[measure.id],
): Problem {
  const p: ProblemOf<C> = {
    code,
    severity,
    measureId: measure.id,
    location,
    params: { measure: measure.label, ...params } as ProblemParams[C],
  };
  return p as Problem;
}

/** `caseIndex`: which value of a list of cases, so the problem names that case's cell. */
function checkNumber(measure: Measure, report: UnitReport, value: number, caseIndex?: number): Problem[] {
  const out: Problem[] = [];
  const c = measure.checks;
  const unit = measure.unit;
  const at =
    (caseIndex !== undefined ? report.caseLocations?.[measure.id]?.[caseIndex] : undefined) ??
    report.locations?.[measure.id];
  const problem = <C extends MeasureCode>(
    code: C,
    severity: Problem["severity"],
    params: Omit<ProblemParams[C], "measure">,
  ) => measureProblem(measure, report, code, severity, params, at);
  if (valueTypeOf(measure).wholeNumber && !Number.isInteger(value))
    out.push(problem("notWholeNumber", "fel", { value }));
  // The same bounds the template's data validation enforces (a percent above 100 is an error in both).
  const { min, max } = boundsOf(measure);
  if (min !== undefined && value < min)
    out.push(problem(min === 0 ? "negative" : "belowMin", "fel", { value, min, unit }));
  else if (max !== undefined && value > max) out.push(problem("aboveMax", "fel", { value, max, unit }));
  else if (c.warnAbove !== undefined && value > c.warnAbove)
    out.push(problem("unusuallyHigh", "varning", { value, limit: c.warnAbove, unit }));
  else if (c.warnBelow !== undefined && value < c.warnBelow)
    out.push(problem("unusuallyLow", "varning", { value, limit: c.warnBelow, unit }));
  return out;
}

function requiredProblem(measure: Measure, report: UnitReport): Problem {
  return measureProblem(
    measure,
    report,
    valueTypeOf(measure).answer ? "requiredAnswer" : "required",
    "fel",
    {},
  );
}

function checkValue(measure: Measure, report: UnitReport, value: Value | undefined): Problem[] {
  if (value === undefined || value.kind === "missing") {
    // An unreadable entry has its own message already; "saknas" on top would only confuse.
    return measure.checks.required && !(value?.kind === "missing" && value.invalid)
      ? [requiredProblem(measure, report)]
      : [];
  }
  if (value.kind === "number") return checkNumber(measure, report, value.value);
  if (value.kind === "list") return value.values.flatMap((v, i) => checkNumber(measure, report, v, i));
  if (value.kind === "text" && measure.checks.required && value.value === "")
    return [requiredProblem(measure, report)];
  return [];
}

function checkPrevious(report: UnitReport, previous: UnitReport): Problem[] {
  const problems: Problem[] = [];
  const period = parsePeriod(report.period);
  const expected = period ? previousPeriod(period).code : undefined;
  if (previous.uppdragId !== report.uppdragId) {
    problems.push({
      code: "previousOtherUppdrag",
      severity: "fel",
      location: { file: previous.file },
      params: { file: previous.file, uppdrag: previous.uppdragId },
    });
  } else if (unitKey(previous.unit) !== unitKey(report.unit)) {
    // The same comparison that pairs the files: "team norr" is Team Norr.
    problems.push({
      code: "previousOtherUnit",
      severity: "varning",
      location: { file: previous.file },
      params: { file: previous.file, unit: previous.unit, expected: report.unit },
    });
  } else if (expected !== undefined && previous.period !== expected) {
    problems.push({
      code: "previousNotAdjacent",
      severity: "varning",
      location: { file: previous.file },
      params: { file: previous.file, period: previous.period, expected },
    });
  }
  return problems;
}

export function validateReport(uppdrag: Uppdrag, report: UnitReport, previous?: UnitReport): Problem[] {
  const problems: Problem[] = [];
  for (const measure of uppdrag.measures) {
    if (!isInput(measure) || !appliesTo(measure, report.parts)) continue;
    problems.push(...checkValue(measure, report, report.values[measure.id]));
  }
  const previousProblems = previous ? checkPrevious(report, previous) : [];
  problems.push(...previousProblems);
  // Continuity is only judged against the right unit's previous workbook of the same uppdrag.
  const usablePrevious =
    previous && previousProblems.every((p) => p.code === "previousNotAdjacent") ? previous : undefined;
  const ctx = new RuleContext(uppdrag, report, usablePrevious);
  for (const rule of uppdrag.rules) problems.push(...runRule(rule, ctx));
  return problems;
}
