/**
 * What a Swedish header phrase says: label column, amount kind, scenario, year or period, money
 * unit. Matching is on a folded form (lower case, no diacritics, single spaces) so "INTÄKTER",
 * "Intakter" and "Intäkter (tkr)" read alike.
 */
import { parsePeriod } from "../period";
import type { AmountKind, MoneyUnit, Scenario } from "./model";

export interface HeaderFacts {
  label?: "drift" | "investering";
  periodColumn?: true;
  kind?: AmountKind;
  scenario?: Scenario;
  year?: number;
  period?: string;
  units: MoneyUnit[];
  /** A money unit the tool does not read (mnkr), so the amounts are not guessed. */
  unsupportedUnit?: string;
}

/** Lower case, diacritics removed, punctuation as space, one space between words. */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9&]+/g, " ")
    .trim();
}

const LABEL =
  /\b(verksamhet|verksamheter|verksamhetsomrade|uppdrag|enhet|enheter|ansvar|ansvarsomrade|ansvarsenhet|benamning)\b/;
const INVESTMENT_LABEL = /\b(investering|investeringar|projekt)\b/;
const PERIOD_COLUMN = /^(period|ar|manad|tertial|halvar)$/;
// Order matters: "nettokostnad" is netto, "budgetavvikelse" is a deviation, not a budget.
const KINDS: [RegExp, AmountKind][] = [
  [/\b(skillnad|avvikelse|budgetavvikelse|prognosavvikelse|differens|diff)\b/, "skillnad"],
  [/\b(netto|nettokostnad|nettokostnader|nettointakt|nettointakter|nettoresultat)\b/, "netto"],
  [/\b(intakt|intakter)\b/, "intakter"],
  [/\b(kostnad|kostnader|bruttokostnad|bruttokostnader)\b/, "kostnader"],
];
const SCENARIOS: [RegExp, Scenario][] = [
  [/\b(prognos|helarsprognos|arsprognos|helarsprognosen)\b/, "prognos"],
  [/\b(utfall|bokslut|redovisat|ackumulerat utfall)\b/, "utfall"],
  [/\b(budget|internbudget|budgetram|ram)\b/, "budget"],
];

/** The facts one header text states. */
export function headerFacts(text: string): HeaderFacts {
  const f = fold(text);
  const facts: HeaderFacts = { units: [] };
  if (f === "") return facts;
  if (LABEL.test(f)) facts.label = "drift";
  else if (INVESTMENT_LABEL.test(f) && !/\b(budget|utfall)\b/.test(f)) facts.label = "investering";
  if (PERIOD_COLUMN.test(f)) facts.periodColumn = true;
  for (const [re, kind] of KINDS) {
    if (re.test(f)) {
      facts.kind = kind;
      break;
    }
  }
  for (const [re, scenario] of SCENARIOS) {
    if (re.test(f)) {
      facts.scenario = scenario;
      break;
    }
  }
  const period = /\b(20\d{2}) ?([ht]\d|m\d{2})\b/.exec(f);
  const parsed = period ? parsePeriod(`${period[1]}${period[2]}`) : undefined;
  if (parsed) facts.period = parsed.code;
  const year = /\b(19\d{2}|20\d{2})\b/.exec(f);
  if (year) facts.year = Number(year[1]);
  if (/\b(mnkr|mkr|miljoner kronor)\b/.test(f)) facts.unsupportedUnit = "mnkr";
  if (/\b(tkr|tusental kronor|tusen kronor)\b/.test(f)) facts.units.push("tkr");
  if (/\b(kr|kronor|sek)\b/.test(f.replace(/\b(tusental|tusen|miljoner) kronor\b/g, "")))
    facts.units.push("kr");
  return facts;
}

/** True when the header cell only groups the cells below it (a year, a period, a scenario), so it spans to the right. */
export function isGroupHeader(text: string): boolean {
  const facts = headerFacts(text);
  return (
    (facts.year !== undefined || facts.scenario !== undefined) &&
    facts.kind === undefined &&
    facts.label === undefined
  );
}

/** "Summa", "Summa verksamhet", "Totalt", "Total": a row that adds up the rows above it. */
export function isSummaLabel(label: string): boolean {
  return /^(summa|totalt|total|sum)\b/.test(fold(label));
}

const SCENARIO_TEXT: Record<Scenario, string> = { budget: "budget", utfall: "utfall", prognos: "prognos" };
const KIND_TEXT: Record<AmountKind, string> = {
  intakter: "intäkter",
  kostnader: "kostnader",
  netto: "netto",
  skillnad: "skillnad",
};

/** "budget 2025, kostnader": a series in words, for messages and the recognition report. */
export function describeSeries(series: {
  kind: AmountKind;
  scenario?: Scenario;
  year?: number;
  period?: string;
}): string {
  const when = series.period ?? (series.year !== undefined ? String(series.year) : undefined);
  const head = [series.scenario ? SCENARIO_TEXT[series.scenario] : undefined, when].filter(Boolean).join(" ");
  return head ? `${head}, ${KIND_TEXT[series.kind]}` : KIND_TEXT[series.kind];
}
