/**
 * Level-2 test material for every uppdrag in templates/: four units with blanks, a part a unit
 * does not cover, a unit with no cases, a ratio whose denominator is 0 everywhere; and the
 * level-2 figures computed here by hand, independently of core's roll-up.
 */
import * as XLSX from "xlsx";
import { loadTemplates } from "../../src/cli/templateFiles";
import type { Catalog, Measure, UnitReport, Uppdrag, Value } from "../../src/core/model";
import { rollupFiles, type CollectedRollup, type FileOutcome } from "../../src/workbook/collect";
import { LEVEL2_SHEETS } from "../../src/workbook/writeLevel2";

export const catalog: Catalog = loadTemplates().catalog;

/** A small deterministic generator (mulberry32), seeded per uppdrag. */
function random(seedText: string): () => number {
  let seed = [...seedText].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isInput = (m: Measure) => m.type !== "ratio";

function valueFor(m: Measure, next: () => number): Value {
  const int = (max: number) => Math.floor(next() * (max + 1));
  switch (m.type) {
    case "count":
      return { kind: "number", value: int(60) };
    case "days":
      return { kind: "number", value: int(90) };
    case "decimal":
      return { kind: "number", value: int(500000) / 100 };
    case "tkr":
      return { kind: "number", value: (int(60000) - 5000) / 10 };
    case "percent":
      return { kind: "number", value: int(1000) / 10 };
    case "daysList":
      return { kind: "list", values: Array.from({ length: 1 + int(5) }, () => int(120)) };
    case "yesNo":
      return { kind: "yesNo", value: next() < 0.5 };
    case "choice":
      return { kind: "text", value: m.options![int(m.options!.length - 1)]! };
    case "text":
      return { kind: "text", value: "Analys" };
    case "ratio":
      throw new Error("derived");
  }
}

/** Which unit leaves which measure blank (index j of the measure in the catalog). */
const BLANK: ((j: number) => boolean)[] = [
  () => false,
  (j) => j % 7 === 3,
  (j) => j % 5 === 1,
  (j) => j % 4 === 2,
];

/** Four units: A covers all, B and C split the parts between them, D covers all with many blanks. */
export function fixtureReports(uppdrag: Uppdrag): UnitReport[] {
  const next = random(uppdrag.id);
  const partIds = uppdrag.parts.map((p) => p.id);
  const half = Math.ceil(partIds.length / 2);
  const partsOf: (string[] | undefined)[] = partIds.length
    ? [undefined, partIds.slice(0, half), partIds.slice(half), undefined]
    : [undefined, undefined, undefined, undefined];
  // The first ratio's denominator is 0 in every unit: its level-2 figure cannot be computed.
  const zeroRatio = uppdrag.measures.find((m) => m.formula);
  const zeroed = new Set(
    zeroRatio
      ? [...zeroRatio.formula!.numerator, ...zeroRatio.formula!.denominator].map((t) => t.measure)
      : [],
  );
  // Unit D leaves the second ratio's denominator blank: that ratio's figure skips D.
  const halfRatio = uppdrag.measures.filter((m) => m.formula)[1];
  const blankInD = halfRatio?.formula!.denominator[0]!.measure;
  return ["Enhet A", "Enhet B", "Enhet C", "Enhet D"].map((unit, i) => {
    const parts = partsOf[i];
    const values: Record<string, Value> = {};
    uppdrag.measures.forEach((m, j) => {
      if (!isInput(m) || (m.part && parts && !parts.includes(m.part))) return;
      const v = valueFor(m, next);
      if (zeroed.has(m.id)) values[m.id] = { kind: "number", value: 0 };
      else if (m.type === "daysList" && i === 2)
        values[m.id] = { kind: "list", values: [] }; // C had no cases
      else values[m.id] = BLANK[i]!(j) || (i === 3 && m.id === blankInD) ? { kind: "missing" } : v;
    });
    return {
      uppdragId: uppdrag.id,
      templateVersion: uppdrag.version,
      unit,
      period: "2025H1",
      parts,
      file: `${uppdrag.id}-${unit}.xlsx`,
      values,
    };
  });
}

export function collectedFor(uppdrag: Uppdrag, reports = fixtureReports(uppdrag)): CollectedRollup {
  const outcomes: FileOutcome[] = reports.map((report) => ({
    file: report.file,
    sha256: "",
    status: "read",
    uppdrag,
    report,
    problems: [],
  }));
  return rollupFiles(outcomes, catalog, { uppdragId: uppdrag.id })!;
}

// ---------------------------------------------------------------------------
// By hand

const numberIn = (r: UnitReport, id: string) => {
  const v = r.values[id];
  return v?.kind === "number" ? v.value : undefined;
};

/** The level-2 figure as a controller computes it by hand; null where there is none. */
export function handFigure(m: Measure, reports: readonly UnitReport[]): number | null {
  const asked = reports.filter((r) => !m.part || !r.parts || r.parts.includes(m.part));
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  switch (m.aggregate) {
    case "sum":
    case "stock": {
      const xs = asked.map((r) => numberIn(r, m.id)).filter((x): x is number => x !== undefined);
      return xs.length ? total(xs) : null;
    }
    case "ratio": {
      const f = m.formula!;
      const terms = [...f.numerator, ...f.denominator];
      const full = asked.filter((r) => terms.every((t) => numberIn(r, t.measure) !== undefined));
      const side = (ts: typeof terms) =>
        total(full.flatMap((r) => ts.map((t) => t.sign * numberIn(r, t.measure)!)));
      const den = side(f.denominator);
      return full.length === 0 || den === 0 ? null : (side(f.numerator) / den) * f.factor;
    }
    case "weightedMean": {
      const full = asked.filter(
        (r) => numberIn(r, m.id) !== undefined && numberIn(r, m.weight!) !== undefined,
      );
      const weights = total(full.map((r) => numberIn(r, m.weight!)!));
      return full.length === 0 || weights === 0
        ? null
        : total(full.map((r) => numberIn(r, m.id)! * numberIn(r, m.weight!)!)) / weights;
    }
    case "pooled": {
      const cases = asked.flatMap((r) => {
        const v = r.values[m.id];
        return v?.kind === "list" ? v.values : [];
      });
      if (cases.length === 0) return null;
      if (m.statistic === "mean") return total(cases) / cases.length;
      const sorted = [...cases].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    }
    case "yesCount": {
      const answers = asked.map((r) => r.values[m.id]).filter((v) => v?.kind === "yesNo");
      return answers.length ? answers.filter((v) => v!.kind === "yesNo" && v!.value).length : null;
    }
    case "tally": {
      const answers = asked.filter((r) => r.values[m.id]?.kind === "text");
      return answers.length ? answers.length : null;
    }
    case "text":
    case "none":
      return null;
  }
}

// ---------------------------------------------------------------------------
// Reading the Nivå 2 sheet

export interface SummaryRow {
  measureId: string;
  /** Row index (0-based) on the sheet. */
  r: number;
  cells: unknown[];
}

export function readSummary(bytes: Uint8Array): {
  ws: XLSX.WorkSheet;
  header: unknown[];
  rows: SummaryRow[];
  col: (name: string) => number;
} {
  const wb = XLSX.read(bytes, { type: "array", cellFormula: true });
  const ws = wb.Sheets[LEVEL2_SHEETS.summary]!;
  const all = XLSX.utils.sheet_to_json<unknown[]>(ws, {
    header: 1,
    raw: true,
    defval: null,
    blankrows: true,
  });
  const headerIndex = all.findIndex((r) => r[0] === "Mått" && r.includes("Nivå 2"));
  const header = all[headerIndex]!;
  const idCol = header.indexOf("Mått-id"); // the ids are last, outside the print area
  const rows = all.flatMap((cells, r) => {
    const id = cells[idCol];
    return r > headerIndex && typeof id === "string" ? [{ measureId: id, r, cells }] : [];
  });
  return { ws, header, rows, col: (name) => header.indexOf(name) };
}

/** Level-2 cells that differ from the hand-computed figures, or hold a number that is not a formula's. */
export function level2Mismatches(
  uppdrag: Uppdrag,
  reports: readonly UnitReport[],
  bytes: Uint8Array,
): string[] {
  const { ws, rows, col } = readSummary(bytes);
  const level2 = col("Nivå 2");
  const byId = new Map(uppdrag.measures.map((m) => [m.id, m]));
  const out: string[] = [];
  for (const row of rows) {
    const m = byId.get(row.measureId);
    if (!m) continue;
    const expected = handFigure(m, reports);
    const got = row.cells[level2];
    const blank = got === null || got === "";
    const ok =
      expected === null
        ? blank
        : typeof got === "number" && Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
    if (!ok) out.push(`${m.id}: ${JSON.stringify(got)}, väntat ${expected}`);
    else if (expected !== null && !ws[XLSX.utils.encode_cell({ r: row.r, c: level2 })]?.f)
      out.push(`${m.id}: ${got} är ingen formel`);
  }
  return out;
}
