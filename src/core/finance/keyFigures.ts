/**
 * Key figures per unit and at level 2. Per-volume figures divide an amount (tkr → kr) by a count
 * of persons or cases; a start and end stock are averaged when both exist, and each figure says
 * which denominator it used. Budget deviation compares utfall with the periodised budget (or the
 * helårsprognos with the annual budget) on netto. Level 2 is always a ratio of sums over the units
 * that have both parts, never a mean of the units' figures.
 */
import { exactRatio, fromMicro, toMicro } from "../exact";
import { numberOf } from "../measures";
import type { KeyFigure, Measure, Problem, Uppdrag, Value } from "../model";
import type { Period } from "../period";
import type { MoneyKind, UnitMoney } from "./amounts";
import { periodise, type Periodisation } from "./periodise";

export interface UnitFinanceInput {
  unit: string;
  /** The unit's measure values for the period (as in UnitReport.values). */
  values: Record<string, Value | undefined>;
  /** The unit's money from unitMoney; undefined when no budget row was mapped to it. */
  money?: UnitMoney;
}

export interface FigureParts {
  /** Numerator: tkr (an amount, or a deviation). */
  numerator: number;
  /** Denominator: persons/cases for per-volume figures, the (periodised) budget in tkr for a deviation. */
  denominator: number;
}

export interface UnitKeyFigure {
  unit: string;
  /** null when a part is missing or the denominator is 0 (`missing` says why). */
  value: number | null;
  parts?: FigureParts;
  /** Which denominator was used, in Swedish ("medelvärdet av … vid periodens början och slut"). */
  basis?: string;
  missing?: string;
}

export interface KeyFigureResult {
  figure: KeyFigure;
  /** Unit of the value as shown: "kr per patient", "tkr", "%". */
  unit: string;
  perUnit: UnitKeyFigure[];
  level2: { value: number | null; parts?: FigureParts; units: string[] };
}

export interface KeyFigureOptions {
  period: Period;
  /** Twelve monthly weights for the periodised budget; absent = evenly. */
  monthlyWeights?: readonly number[];
}

type Parts = { numerator: bigint; denominator: bigint; basis?: string } | { missing: string };

const NOT_MAPPED = "ingen budgetrad är kopplad till enheten";

function money(
  input: UnitFinanceInput,
  scenario: "budget" | "utfall" | "prognos",
  kind: MoneyKind,
): number | undefined {
  return input.money?.[scenario]?.[kind];
}

/** A budget figure's share for the period, in micro-units (exact for an even split). */
function periodisedMicro(value: number, p: Periodisation, even: boolean): bigint {
  return even
    ? (toMicro(value) * BigInt(p.months)) / 12n
    : toMicro(Math.round(value * p.fraction * 1e6) / 1e6);
}

export function computeKeyFigures(
  uppdrag: Pick<Uppdrag, "measures" | "keyFigures">,
  units: readonly UnitFinanceInput[],
  options: KeyFigureOptions,
): { figures: KeyFigureResult[]; periodisation?: Periodisation; problems: Problem[] } {
  const problems: Problem[] = [];
  const periodised = periodise(options.period, options.monthlyWeights);
  if ("error" in periodised) {
    problems.push({ code: "financeBadPeriodisation", severity: "fel", params: { reason: periodised.error } });
    return { figures: [], problems };
  }
  const even = options.monthlyWeights === undefined;
  const measures = new Map(uppdrag.measures.map((m) => [m.id, m]));
  const figures = (uppdrag.keyFigures ?? []).map((figure) => {
    const partsOf = (input: UnitFinanceInput): Parts =>
      figure.kind === "perVolume"
        ? perVolumeParts(figure, input, measures, periodised, even)
        : deviationParts(figure, input, periodised, even);
    return figureResult(figure, units, partsOf);
  });
  problems.push(...volumeProblems(uppdrag, units, figures));
  return { figures, periodisation: periodised, problems };
}

function figureResult(
  figure: KeyFigure,
  units: readonly UnitFinanceInput[],
  partsOf: (u: UnitFinanceInput) => Parts,
): KeyFigureResult {
  const factor = figure.kind === "perVolume" ? 1000 : figure.as === "procent" ? 100 : 1;
  // A deviation's denominator is the budget, negative for a net cost: the % carries the deviation's sign.
  const ratio = (n: bigint, d: bigint) =>
    figure.kind === "budgetDeviation" && figure.as === "tkr"
      ? fromMicro(n)
      : exactRatio(n, figure.kind === "budgetDeviation" && d < 0n ? -d : d, factor);
  let sumN = 0n;
  let sumD = 0n;
  const included: string[] = [];
  const perUnit = units.map((input): UnitKeyFigure => {
    const parts = partsOf(input);
    if ("missing" in parts) return { unit: input.unit, value: null, missing: parts.missing };
    sumN += parts.numerator;
    sumD += parts.denominator;
    included.push(input.unit);
    const value = ratio(parts.numerator, parts.denominator);
    return {
      unit: input.unit,
      value,
      parts: shownParts(figure, parts.numerator, parts.denominator),
      ...(parts.basis ? { basis: parts.basis } : {}),
      ...(value === null ? { missing: "nämnaren är 0" } : {}),
    };
  });
  const level2 =
    included.length === 0
      ? { value: null, units: [] }
      : { value: ratio(sumN, sumD), parts: shownParts(figure, sumN, sumD), units: included };
  return { figure, unit: displayUnit(figure), perUnit, level2 };
}

/** Denominators of per-volume figures are kept doubled (start + end) so an average stays exact; shown halved. */
function shownParts(figure: KeyFigure, n: bigint, d: bigint): FigureParts {
  return figure.kind === "perVolume"
    ? { numerator: fromMicro(n / 2n), denominator: fromMicro(d) / 2 }
    : { numerator: fromMicro(n), denominator: fromMicro(d) };
}

function displayUnit(figure: KeyFigure): string {
  if (figure.kind === "budgetDeviation") return figure.as === "tkr" ? "tkr" : "%";
  return figure.unit;
}

function perVolumeParts(
  figure: Extract<KeyFigure, { kind: "perVolume" }>,
  input: UnitFinanceInput,
  measures: Map<string, Measure>,
  p: Periodisation,
  even: boolean,
): Parts {
  if (!input.money) return { missing: NOT_MAPPED };
  const kostnader = money(input, figure.scenario, "kostnader");
  const intakter = money(input, figure.scenario, "intakter");
  const netto = money(input, figure.scenario, "netto");
  const amount =
    figure.amount === "kostnader"
      ? kostnader
      : figure.amount === "intakter"
        ? intakter
        : netto === undefined
          ? undefined
          : -netto;
  if (amount === undefined)
    return {
      missing: `${figure.scenario} för ${figure.amount === "nettokostnad" ? "netto" : figure.amount === "intakter" ? "intäkter" : "kostnader"} saknas`,
    };
  const micro = figure.scenario === "budget" ? periodisedMicro(amount, p, even) : toMicro(amount);
  const label = (id: string) => measures.get(id)?.label ?? id;
  const value = (id: string) => numberOf(input.values[id]);
  let doubled: bigint;
  let basis: string;
  if ("measure" in figure.per) {
    const v = value(figure.per.measure);
    if (v === undefined) return { missing: `${label(figure.per.measure)} saknas` };
    doubled = 2n * toMicro(v);
    basis = label(figure.per.measure);
  } else {
    const start = value(figure.per.start);
    const end = value(figure.per.end);
    const only =
      start !== undefined
        ? { id: figure.per.start, v: start }
        : end !== undefined
          ? { id: figure.per.end, v: end }
          : undefined;
    if (start !== undefined && end !== undefined) {
      doubled = toMicro(start) + toMicro(end);
      basis = `medelvärdet av ${label(figure.per.start)} och ${label(figure.per.end)}`;
    } else if (only) {
      doubled = 2n * toMicro(only.v);
      basis = `${label(only.id)} (bara det värdet finns, inget medelvärde)`;
    } else return { missing: `${label(figure.per.start)} och ${label(figure.per.end)} saknas` };
  }
  // The numerator is doubled too, so numerator / (doubled / 2) needs no halving of a denominator.
  return { numerator: 2n * micro, denominator: doubled, basis };
}

function deviationParts(
  figure: Extract<KeyFigure, { kind: "budgetDeviation" }>,
  input: UnitFinanceInput,
  p: Periodisation,
  even: boolean,
): Parts {
  if (!input.money) return { missing: NOT_MAPPED };
  const budget = money(input, "budget", "netto");
  const actual = money(input, figure.compare, "netto");
  if (budget === undefined) return { missing: "budget för netto saknas" };
  if (actual === undefined)
    return { missing: `${figure.compare === "utfall" ? "utfall" : "helårsprognos"} för netto saknas` };
  // A forecast is for the whole year, so it meets the whole year's budget.
  const base = figure.compare === "prognos" ? toMicro(budget) : periodisedMicro(budget, p, even);
  const basis = figure.compare === "prognos" ? "helårsprognos mot helårsbudget" : p.text;
  return { numerator: toMicro(actual) - base, denominator: base, basis };
}

/** Costs with nothing to relate them to: no per-volume key figure, or none with a denominator for the unit. */
function volumeProblems(
  uppdrag: Pick<Uppdrag, "keyFigures">,
  units: readonly UnitFinanceInput[],
  figures: KeyFigureResult[],
): Problem[] {
  const hasCosts = (u: UnitFinanceInput) =>
    Object.values(u.money ?? {}).some((m) => m?.kostnader !== undefined && m.kostnader !== 0);
  const withCosts = units.filter(hasCosts);
  if (withCosts.length === 0) return [];
  const perVolume = figures.filter((f) => f.figure.kind === "perVolume");
  if (perVolume.length === 0) {
    return [
      {
        code: "financeNoVolumeMeasure",
        severity: "varning",
        params: { units: withCosts.map((u) => u.unit).join(", ") },
      },
    ];
  }
  return withCosts
    .filter((u) =>
      perVolume.every((f) => {
        const r = f.perUnit.find((x) => x.unit === u.unit);
        return !r || r.value === null;
      }),
    )
    .map((u): Problem => ({
      code: "financeCostsWithoutVolume",
      severity: "varning",
      params: { unit: u.unit, figures: perVolume.map((f) => f.figure.label).join(", ") },
    }));
}
