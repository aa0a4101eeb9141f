/**
 * The Ekonomi sheet recalculated by LibreOffice: every key figure, per unit and at level 2, is
 * computed here by hand from the budget lines and the units' measure values, and compared with
 * the sheet's formulas after LibreOffice recalculated a copy whose cached results were blanked.
 * Then budget figures are changed in the written file (its XML, after writing) and the
 * recalculated key figures must follow the changed figures; and formulas broken on purpose must
 * be noticed.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import * as XLSX from "xlsx";
import { soffice } from "../helpers/libreoffice";
import { blankCachedResults, mapFormulas, recalculateWithLibreOffice } from "../helpers/libreofficeRecalc";
import type { KeyFigure, UnitReport, Uppdrag } from "../../src/core/model";
import {
  ekonomiLayout,
  figureColumns,
  EKONOMI_SHEET,
  type EkonomiLayout,
} from "../../src/workbook/ekonomiLayout";
import { summaryCells, writeLevel2 } from "../../src/workbook/writeLevel2";
import { BUDGET_LINES, ekonomiCase, type BudgetLine, type EkonomiCase, type Printed } from "./ekonomiFixture";
import { catalog } from "./level2Fixture";

/** psyk with one more figure: a budgeted cost per patient, so the periodised budget is under test too. */
const withBudgetFigure = (u: Uppdrag): Uppdrag =>
  u.id === "psykiatrisk-hemsjukvard"
    ? {
        ...u,
        keyFigures: [
          ...(u.keyFigures ?? []),
          {
            kind: "perVolume",
            id: "budgeterad_kostnad_per_patient",
            label: "Budgeterad kostnad per patient",
            amount: "kostnader",
            scenario: "budget",
            per: { start: "patienter_start", end: "patienter_slut" },
            unit: "kr per patient",
          },
        ],
      }
    : u;
const uppdragList = catalog.uppdrag.filter((u) => u.keyFigures?.length).map(withBudgetFigure);

// ---------------------------------------------------------------------------
// By hand: the budget line of each unit (by its name; "Enhet-B" is Enhet B), magnitudes in tkr.

/** Index of each amount in a budget line. */
const AT = { intakter: 0, kostnader: 1, netto: 2 } as const;

/** A value the test cannot go on without. */
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} saknas`);
  return value;
}
const HALF_YEAR = 6 / 12;

function lineOf(lines: readonly BudgetLine[], unit: string): BudgetLine | undefined {
  return lines.find((l) => l.row.replace("-", " ") === unit);
}

/** An amount as a positive magnitude (costs are printed negative; netto is intäkter + kostnader as printed). */
function amount(line: BudgetLine, scenario: "budget" | "utfall", kind: "intakter" | "kostnader" | "netto") {
  const printed = line[scenario][AT[kind]];
  if (printed === null) return undefined;
  return kind === "kostnader" ? -printed : printed;
}

const numberIn = (r: UnitReport, id: string) => {
  const v = r.values[id];
  return v?.kind === "number" ? v.value : undefined;
};

interface Parts {
  n: number;
  d: number;
}

function handParts(figure: KeyFigure, report: UnitReport, lines: readonly BudgetLine[]): Parts | undefined {
  const line = lineOf(lines, report.unit);
  if (!line) return undefined;
  if (figure.kind === "budgetDeviation") {
    const budget = amount(line, "budget", "netto");
    const actual = amount(line, "utfall", "netto");
    if (budget === undefined || actual === undefined) return undefined;
    return { n: actual - budget * HALF_YEAR, d: budget * HALF_YEAR };
  }
  const raw =
    figure.amount === "nettokostnad"
      ? -(amount(line, figure.scenario, "netto") ?? NaN)
      : amount(line, figure.scenario, figure.amount);
  if (raw === undefined || Number.isNaN(raw)) return undefined;
  const n = figure.scenario === "budget" ? raw * HALF_YEAR : raw;
  if ("measure" in figure.per) {
    const d = numberIn(report, figure.per.measure);
    return d === undefined ? undefined : { n, d };
  }
  const s = numberIn(report, figure.per.start);
  const e = numberIn(report, figure.per.end);
  const d = s !== undefined && e !== undefined ? (s + e) / 2 : (s ?? e);
  return d === undefined ? undefined : { n, d };
}

/** The figure from its parts: kr per person, tkr, or % of the budget; null for a zero denominator. */
function handValue(figure: KeyFigure, p: Parts): number | null {
  if (figure.kind === "budgetDeviation" && figure.as === "tkr") return p.n;
  if (p.d === 0) return null;
  return figure.kind === "perVolume" ? (p.n * 1000) / p.d : (p.n / Math.abs(p.d)) * 100;
}

interface Expected {
  figureId: string;
  unit: string;
  value: number | null | undefined;
}

/** Every figure per unit and at level 2 (Σ täljare / Σ nämnare over the units with both). */
function handFigures(uppdrag: Uppdrag, reports: readonly UnitReport[], lines: readonly BudgetLine[]) {
  const out: Expected[] = [];
  for (const figure of uppdrag.keyFigures ?? []) {
    const parts = reports.map((r) => handParts(figure, r, lines));
    reports.forEach((r, i) =>
      out.push({ figureId: figure.id, unit: r.unit, value: parts[i] && handValue(figure, parts[i]) }),
    );
    const both = parts.filter((p): p is Parts => p !== undefined);
    const sum = both.reduce((a, p) => ({ n: a.n + p.n, d: a.d + p.d }), { n: 0, d: 0 });
    out.push({
      figureId: figure.id,
      unit: "Nivå 2",
      value: both.length ? handValue(figure, sum) : undefined,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// The written sheet

/** Figures on the recalculated sheet that differ from the hand's (missing must be blank, a zero denominator says so). */
function mismatches(layout: EkonomiLayout, bytes: Uint8Array, expected: readonly Expected[]): string[] {
  const ws = XLSX.read(bytes, { type: "array", cellFormula: true }).Sheets[EKONOMI_SHEET];
  if (!ws) return ["inget blad Ekonomi"];
  const rowOf = (unit: string) =>
    unit === "Nivå 2"
      ? layout.level2Row
      : layout.firstUnitRow +
        [...Array(layout.lastUnitRow - layout.firstUnitRow + 1).keys()].findIndex(
          (i) => ws[`A${layout.firstUnitRow + i}`]?.v === unit,
        );
  const out: string[] = [];
  for (const e of expected) {
    const address = `${figureColumns(layout, e.figureId).value?.letter}${rowOf(e.unit)}`;
    const cell = ws[address] as XLSX.CellObject | undefined;
    const got = cell?.v;
    const ok =
      e.value === undefined
        ? got === undefined || got === ""
        : e.value === null
          ? got === "nämnaren är 0"
          : typeof got === "number" && Math.abs(got - e.value) <= 1e-9 * Math.max(1, Math.abs(e.value));
    if (!ok) out.push(`${e.figureId} ${e.unit} (${address}): ${JSON.stringify(got)}, väntat ${e.value}`);
    else if (e.value !== undefined && !cell?.f)
      out.push(`${e.figureId} ${e.unit} (${address}): ingen formel`);
  }
  return out;
}

/** The file with one number cell of the Ekonomi sheet set to another value, in the XML, after writing. */
function setNumber(bytes: Uint8Array, sheetPath: string, address: string, value: number): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(must(files[sheetPath], sheetPath));
  const cell = new RegExp(`(<c r="${address}"[^>]*>)<v>[^<]*</v>`);
  if (!cell.test(xml)) throw new Error(`${address} has no value in ${sheetPath}`);
  files[sheetPath] = strToU8(xml.replace(cell, `$1<v>${value}</v>`));
  return zipSync(files);
}

/** The part name of a sheet in an .xlsx, from the workbook and its relationships. */
function sheetPath(bytes: Uint8Array, name: string): string {
  const files = unzipSync(bytes);
  const workbook = strFromU8(must(files["xl/workbook.xml"], "workbook.xml"));
  const rels = strFromU8(must(files["xl/_rels/workbook.xml.rels"], "workbook.xml.rels"));
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target =
    new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no sheet ${name}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Budget changes made in the written file: [unit, scenario, kind, new printed value]. */
const CHANGES: [string, "budget" | "utfall", "netto" | "kostnader", number][] = [
  ["Enhet A", "budget", "netto", -10_400],
  ["Enhet C", "utfall", "kostnader", -1_750],
  ["Enhet A", "budget", "kostnader", -12_000],
];

/** Ways to break the formulas, each a rewrite of every formula in the workbook. */
const BROKEN: Record<string, (f: string) => string> = {
  "annual budget where the period's is due": (f) => f.replace(/\*6\/12/g, ""),
  "sum of start and end not halved": (f) => f.replace(/\)\/2$/, ")"),
  "level 2 as the mean of the units' figures": (f) => f.replace(/^SUM\(/, "AVERAGE("),
  "deviation against the budget's sign": (f) => f.replace(/\/ABS\(([A-Z]+\d+)\)/, "/$1"),
  "per-volume figure in tkr": (f) => f.replace(/\*1000\//, "/"),
};

const maybe = soffice ? describe : describe.skip;
maybe(
  soffice
    ? "the Ekonomi sheet recalculated by LibreOffice"
    : "the Ekonomi sheet recalculated by LibreOffice (skipped: soffice is not installed)",
  () => {
    const cases: (EkonomiCase & { layout: EkonomiLayout })[] = uppdragList.map((uppdrag) => {
      const c = ekonomiCase(uppdrag);
      const layout = ekonomiLayout({
        uppdrag,
        period: c.collected.result.period,
        units: c.collected.result.used,
        finance: c.finance,
        summary: summaryCells(c.collected),
      });
      return { ...c, layout };
    });
    const books = new Map<string, Uint8Array>();
    let recalculated = new Map<string, Uint8Array>();
    const blanked = new Map<string, number>();

    beforeAll(async () => {
      for (const c of cases) {
        const written = await writeLevel2(c.collected, {
          finance: c.finance,
          createdAt: new Date("2025-08-31T08:00:00Z"),
        });
        const { bytes, formulas } = blankCachedResults(written);
        blanked.set(c.uppdrag.id, formulas);
        books.set(c.uppdrag.id, bytes);
        const part = sheetPath(bytes, EKONOMI_SHEET);
        CHANGES.forEach(([unit, scenario, kind, printed], i) => {
          const row = c.layout.firstUnitRow + c.collected.result.used.findIndex((r) => r.unit === unit);
          const column = c.layout.columns.find((x) => x.scenario === scenario && x.money === kind);
          const magnitude = kind === "kostnader" ? -printed : printed;
          books.set(
            `${c.uppdrag.id}-changed-${i}`,
            setNumber(bytes, part, `${column?.letter}${row}`, magnitude),
          );
        });
        Object.values(BROKEN).forEach((change, i) =>
          books.set(`${c.uppdrag.id}-broken-${i}`, mapFormulas(bytes, change)),
        );
      }
      recalculated = recalculateWithLibreOffice(books);
    }, 300_000);

    it.each(uppdragList.map((u) => [u.id]))("gives every hand-computed key figure of %s", (id) => {
      const c = must(
        cases.find((x) => x.uppdrag.id === id),
        id,
      );
      expect(blanked.get(id)).toBeGreaterThan(10);
      const expected = handFigures(c.uppdrag, c.reports, BUDGET_LINES);
      // The fixture has figures to compare: some per unit, some at level 2.
      expect(expected.filter((e) => typeof e.value === "number").length).toBeGreaterThan(4);
      expect(mismatches(c.layout, must(recalculated.get(id), id), expected)).toEqual([]);
    });

    it.each(CHANGES.map((change, i) => [change.join(" "), i]))(
      "follows a budget figure changed after writing (%s)",
      (_, i) => {
        const [unit, scenario, kind, printed] = must(CHANGES[i], "ändringen");
        const lines = BUDGET_LINES.map((l): BudgetLine => {
          if (l.row.replace("-", " ") !== unit) return l;
          const changed: Printed = [...l[scenario]];
          changed[AT[kind]] = printed;
          return { ...l, [scenario]: changed };
        });
        let moved = 0;
        for (const c of cases) {
          const before = handFigures(c.uppdrag, c.reports, BUDGET_LINES);
          const after = handFigures(c.uppdrag, c.reports, lines);
          moved += after.filter((e, j) => e.value !== before[j]?.value).length;
          expect(
            mismatches(c.layout, must(recalculated.get(`${c.uppdrag.id}-changed-${i}`), "boken"), after),
          ).toEqual([]);
        }
        expect(moved).toBeGreaterThan(0);
      },
    );

    it.each(Object.keys(BROKEN).map((name, i) => [name, i]))("notices a sheet with the %s", (_, i) => {
      const noticed = cases.flatMap((c) =>
        mismatches(
          c.layout,
          must(recalculated.get(`${c.uppdrag.id}-broken-${i}`), "boken"),
          handFigures(c.uppdrag, c.reports, BUDGET_LINES),
        ),
      );
      expect(noticed.length).toBeGreaterThan(0);
    });
  },
);
