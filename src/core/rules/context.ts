/** What a cross-measure rule sees of one unit's report. */
import type {
  Location,
  Measure,
  ProblemOf,
  Rule,
  RuleProblem,
  Severity,
  UnitReport,
  Uppdrag,
} from "../model";
import type { ProblemParams, RuleProblemCode } from "../messages/codes";
import { appliesTo, numberOf } from "../measures";
import { valueTypeOf } from "../valueTypes";

export class RuleContext {
  private readonly byId: Map<string, Measure>;

  constructor(
    readonly uppdrag: Uppdrag,
    readonly report: UnitReport,
    readonly previous?: UnitReport,
  ) {
    this.byId = new Map(uppdrag.measures.map((m) => [m.id, m]));
  }

  measure(id: string): Measure | undefined {
    return this.byId.get(id);
  }

  /** True when every named measure is asked for in this workbook (parts). */
  applies(...ids: string[]): boolean {
    return ids.every((id) => {
      const m = this.byId.get(id);
      return m !== undefined && appliesTo(m, this.report.parts);
    });
  }

  /** The number entered (or derived, for a ratio); undefined when missing. */
  number(id: string): number | undefined {
    const m = this.byId.get(id);
    const derive = m && valueTypeOf(m).derive;
    if (m && derive) return derive(m, this.report.values) ?? undefined;
    return numberOf(this.report.values[id]);
  }

  /** Numbers of all ids, or undefined when any is missing (a rule can't judge half a sum). */
  numbers(ids: string[]): number[] | undefined {
    const values = ids.map((id) => this.number(id));
    return values.every((v): v is number => v !== undefined) ? values : undefined;
  }

  label(id: string): string {
    return this.byId.get(id)?.label ?? id;
  }

  labels(ids: string[]): string {
    return ids.map((id) => this.label(id)).join(" + ");
  }

  location(id: string): Location | undefined {
    return this.report.locations?.[id];
  }

  problem<C extends RuleProblemCode>(
    rule: Rule,
    code: C,
    measureId: string,
    severity: Severity,
    params: Omit<ProblemParams[C], "rule">,
  ): RuleProblem {
    const p: ProblemOf<C> = {
      code,
      severity,
      measureId,
      location: this.location(measureId),
      params: { rule: rule.id, ...params } as ProblemParams[C],
    };
    return p as RuleProblem;
  }
}
