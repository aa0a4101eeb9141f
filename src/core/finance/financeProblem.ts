import type { Location, Problem, Severity } from "../model";
import type { FinanceProblemCode } from "../messages/codes";

/** A budget table's problem: its code chosen at run time (one of the finance codes), its params plain values. */
export const financeProblem = (
  code: FinanceProblemCode,
  severity: Severity,
  location: Location,
  params: Record<string, string | number>,
): Problem => ({ code, severity, location, params }) as Problem;
