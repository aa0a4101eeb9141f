/**
 * The periodised budget: the share of the annual budget that belongs to a follow-up period.
 * Evenly by default (H1 = 6/12, T1 = 4/12, M03 = 1/12, the year = 12/12); finance may give
 * twelve monthly weights instead (e.g. less in July), and the share is then the period's weights
 * over the year's.
 */
import type { Period } from "../period";
import { present } from "../invariant";

export interface Periodisation {
  /** Share of the annual budget, 0–1. */
  fraction: number;
  /** The months in the period over the months in the year, when even. */
  months: number;
  /** How the share was made, in Swedish, for the sheet. */
  text: string;
}

const MONTHS_PER: Record<Period["frequency"], number> = { halvar: 6, tertial: 4, manad: 1, ar: 12 };

export function periodMonths(period: Period): number[] {
  const per = MONTHS_PER[period.frequency];
  const first = (period.index - 1) * per;
  return Array.from({ length: per }, (_, i) => first + i);
}

/** The share of the year's budget for `period`; undefined weights = even. Weights must be 12 non-negative numbers with a positive sum. */
export function periodise(
  period: Period,
  monthlyWeights?: readonly number[],
): Periodisation | { error: string } {
  const months = periodMonths(period);
  if (!monthlyWeights) {
    return {
      fraction: months.length / 12,
      months: months.length,
      text:
        months.length === 12
          ? "helårsbudget"
          : `periodiserad budget: ${months.length}/12 av årsbudgeten (jämnt fördelad)`,
    };
  }
  if (monthlyWeights.length !== 12 || monthlyWeights.some((w) => !Number.isFinite(w) || w < 0)) {
    return { error: "periodiseringen ska ha tolv vikter, en per månad, inga negativa" };
  }
  const total = monthlyWeights.reduce((a, b) => a + b, 0);
  if (total <= 0) return { error: "periodiseringens vikter summerar till 0" };
  const share =
    months.reduce((a, m) => a + present(monthlyWeights[m], `vikten för månad ${m + 1}`), 0) / total;
  const percent = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 }).format(share * 100);
  return {
    fraction: share,
    months: months.length,
    text: `periodiserad budget: ${percent} % av årsbudgeten enligt ekonomis periodisering`,
  };
}
