/**
 * The roll-up's finance as tidy rows, after the measures' rows (the Data sheet and `rollup --csv`,
 * docs/tidy.md): each unit's money per scenario and kind (id `ekonomi.<scenario>.<kind>`, tkr;
 * a dot is never in a measure's id, so these cannot collide with one) and every key figure per
 * unit and at level 2 (the key figure's own id). Missing stays empty, never 0. They are ordinary
 * tidy rows, so a period record reads them back like measures.
 */
import { exactSum } from "../exact";
import type { Uppdrag } from "../model";
import type { RollupResult } from "../rollup";
import { LEVEL2_UNIT, type TidyRow } from "../tidy";
import type { MoneyKind } from "./amounts";
import type { Scenario } from "./model";
import type { FinanceRollup } from "./rollupFinance";

const SCENARIOS: readonly Scenario[] = ["budget", "utfall", "prognos"];
const KINDS: readonly MoneyKind[] = ["intakter", "kostnader", "netto"];
const SCENARIO_TEXT: Record<Scenario, string> = {
  budget: "Budget (helår)",
  utfall: "Utfall",
  prognos: "Helårsprognos",
};
const KIND_TEXT: Record<MoneyKind, string> = { intakter: "intäkter", kostnader: "kostnader", netto: "netto" };

/** The tidy id of a unit's money figure. */
export function moneyId(scenario: Scenario, kind: MoneyKind): string {
  return `ekonomi.${scenario}.${kind}`;
}

export function financeTidyRows(
  uppdrag: Pick<Uppdrag, "id" | "version">,
  result: Pick<RollupResult, "period" | "used">,
  finance: FinanceRollup,
): TidyRow[] {
  const base = {
    uppdrag: uppdrag.id,
    period: result.period,
    caseNumber: null,
    templateVersion: uppdrag.version,
  };
  const level3 = (unit: string) => ({ ...base, level: 3 as const, unit });
  const level2 = { ...base, level: 2 as const, unit: LEVEL2_UNIT };
  const rows: TidyRow[] = [];
  for (const s of SCENARIOS)
    for (const k of KINDS) {
      const values = result.used.flatMap((r) => {
        const v = finance.money.get(r.unit)?.[s]?.[k];
        return v === undefined ? [] : [{ unit: r.unit, v }];
      });
      if (values.length === 0) continue;
      const figure = {
        measureId: moneyId(s, k),
        label: `${SCENARIO_TEXT[s]} ${KIND_TEXT[k]}`,
        unitOfMeasure: "tkr",
      };
      for (const { unit, v } of values) rows.push({ ...level3(unit), ...figure, value: v });
      rows.push({ ...level2, ...figure, value: exactSum(values.map((x) => x.v)) });
    }
  for (const kf of finance.keyFigures) {
    const figure = { measureId: kf.figure.id, label: kf.figure.label, unitOfMeasure: kf.unit };
    for (const u of kf.perUnit) rows.push({ ...level3(u.unit), ...figure, value: u.value });
    rows.push({ ...level2, ...figure, value: kf.level2.value });
  }
  return rows;
}
