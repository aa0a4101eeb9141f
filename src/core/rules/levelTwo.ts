/**
 * The uppdrag's cross-measure rules run on the level-2 figures: does the whole uppdrag's flow
 * balance, is a part at most its total? Continuity and list counts are per-unit matters.
 */
import type { Problem, RuleType, UnitReport, Uppdrag } from "../model";
import type { LevelTwoParams } from "../messages/codes";
import type { Figure } from "../rollup";
import { RuleContext } from "./context";
import { ruleMeasures } from "./concerns";
import { runRule } from "./index";
import { AGGREGATES } from "../aggregations";

const LEVEL_TWO_RULES: ReadonlySet<RuleType> = new Set([
  "balance",
  "atMost",
  "atLeast",
  "requiresPositive",
  "ratioRange",
]);

/** A rule context whose numbers are the level-2 figures instead of one unit's values. */
class FigureContext extends RuleContext {
  constructor(
    uppdrag: Uppdrag,
    private readonly values: ReadonlyMap<string, number>,
  ) {
    const whole: UnitReport = {
      uppdragId: uppdrag.id,
      templateVersion: uppdrag.version,
      unit: "",
      period: "",
      file: "",
      values: {},
    };
    super(uppdrag, whole);
  }

  override number(id: string): number | undefined {
    return this.values.get(id);
  }
}

/**
 * Units that gave some of the rule's figures but left others blank, with what they lack: then the
 * level-2 figures rest on different units and need not hold even when every unit's do.
 */
function unevenBasis(
  ids: readonly string[],
  byId: ReadonlyMap<string, Figure>,
  label: (id: string) => string,
): string {
  const present = ids.map((id) => byId.get(id)).filter((f): f is Figure => f !== undefined);
  const units = [...new Set(present.flatMap((f) => f.contributors))].sort((a, b) => a.localeCompare(b, "sv"));
  return (
    units
      // Only what the unit was asked for: another part's measure is not missing from its workbook.
      .map((unit) => ({
        unit,
        lacks: present.filter((f) => f.missing.includes(unit)).map((f) => label(f.measureId)),
      }))
      .filter((u) => u.lacks.length > 0)
      .map((u) => `${u.unit} saknar ${u.lacks.join(" och ")}`)
      .join("; ")
  );
}

/**
 * Problems (code `levelTwoRule`) for every rule the level-2 figures break; `check` is the
 * unit-level code, `uneven` the units that lack some of the rule's inputs, `flagged` the units
 * whose values with errors are in the figures.
 */
export function levelTwoProblems(uppdrag: Uppdrag, figures: readonly Figure[]): Problem[] {
  const byId = new Map(figures.map((f) => [f.measureId, f]));
  const values = new Map(
    figures.flatMap((f) =>
      AGGREGATES[f.aggregate].numeric && f.value !== null ? [[f.measureId, f.value] as const] : [],
    ),
  );
  const ctx = new FigureContext(uppdrag, values);
  const out: Problem[] = [];
  for (const rule of uppdrag.rules.filter((r) => LEVEL_TWO_RULES.has(r.type))) {
    for (const p of runRule(rule, ctx)) {
      const ids = ruleMeasures(rule);
      const uneven = unevenBasis(ids, byId, (id) => ctx.label(id));
      const flagged = [...new Set(ids.flatMap((id) => byId.get(id)?.flaggedUnits ?? []))]
        .sort((a, b) => a.localeCompare(b, "sv"))
        .join(", ");
      out.push({
        code: "levelTwoRule",
        severity: p.severity,
        measureId: p.measureId,
        params: { ...p.params, check: p.code, uneven, flagged } as LevelTwoParams,
      });
    }
  }
  return out;
}
