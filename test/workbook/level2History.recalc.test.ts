/**
 * The Nivå 2 sheet's history and target columns (issue 12 items 3–4): with a hand-built
 * Comparison (earlier level-2 values, two targets) the sheet gets the earlier period, Förändring,
 * Mål and Status right after "Nivå 2"; without one it gets none. The values are worked out by
 * hand, first as written, then after one unit's input is changed in the file and LibreOffice
 * recalculates the workbook with its cached results blanked, so they must come from the formulas.
 */
import * as XLSX from "xlsx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { soffice } from "../helpers/libreoffice";
import { blankCachedResults, mapFormulas, recalculateWithLibreOffice } from "../helpers/libreofficeRecalc";
import { writeLevel2 } from "../../src/workbook/writeLevel2";
import { LEVEL2_SHEETS } from "../../src/workbook/level2Sheets";
import { LEVEL2_UNIT } from "../../src/core/tidy";
import type { Comparison, MeasureSeries, Target, TargetStatus } from "../../src/core/comparison/model";
import { psyk, psykValues, unitWith } from "../core/builders";
import { collectedFor } from "./level2Fixture";

const u = psyk();
// Now (2025H2): Norr 45 + 12 − 7 = 50 patients, 20 PAS; Söder 28 + 2 − 20 = 10, 15 PAS.
const collected = collectedFor(u, [
  unitWith(u, "Team Norr", psykValues(45, 12, 7, 20, 3), { period: "2025H2" }),
  unitWith(u, "Team Söder", psykValues(28, 2, 20, 15, 2), { period: "2025H2" }),
]);
const now = { slut: 50 + 10, nya: 12 + 2, pas: 20 + 15 };
/** Söder's patienter_slut typed over in the file: level 2 becomes 50 + 30. */
const corrected = { unit: "Team Söder", value: 30, slut: 50 + 30 };
// Earlier (2025H1) level-2 values, as a history file would have given them.
const earlier = { patienter_slut: 73, patienter_nya: 20, patienter_per_pas: 2 };
const targets: Target[] = [
  { measureId: "patienter_slut", target: 70, better: "högre", tolerance: 5 },
  { measureId: "patienter_per_pas", target: 1.6, better: "lägre", tolerance: 0.2 },
];
/** The status by the documented rules, written out again here. */
function byHand(t: Target, v: number): TargetStatus {
  if (t.better === "högre")
    return v >= t.target ? "uppnått" : v >= t.target - t.tolerance ? "nära" : "ej uppnått";
  return v <= t.target ? "uppnått" : v <= t.target + t.tolerance ? "nära" : "ej uppnått";
}
const current = { patienter_slut: now.slut, patienter_nya: now.nya, patienter_per_pas: now.slut / now.pas };
const series = (measureId: string, before: number | undefined, value: number): MeasureSeries => ({
  measureId,
  unit: LEVEL2_UNIT,
  earlier: [{ period: "2025H1", value: before }],
  current: { period: "2025H2", value },
  change: before === undefined ? undefined : value - before,
  movedBeyondThreshold: false,
});
const comparison: Comparison = {
  periods: ["2025H1"],
  series: [
    ...Object.entries(earlier).map(([id, v]) => series(id, v, current[id as keyof typeof current])),
    series("andel_patienter_med_sip", undefined, 5 / 60),
  ],
  targets: targets.map((t) => ({
    measureId: t.measureId,
    target: t,
    value: current[t.measureId as keyof typeof current],
    status: byHand(t, current[t.measureId as keyof typeof current]),
  })),
  problems: [],
};

type Sheet = XLSX.WorkSheet;
const sheetOf = (bytes: Uint8Array) => {
  const ws = XLSX.read(bytes, { cellFormula: true }).Sheets[LEVEL2_SHEETS.summary];
  if (!ws) throw new Error("no Nivå 2 sheet");
  return ws;
};
const at = (ws: Sheet, c: number, r: number) =>
  ws[XLSX.utils.encode_cell({ c: c - 1, r: r - 1 })] as XLSX.CellObject | undefined;
/** The header row and each heading's column, found by their texts. */
function headers(ws: Sheet): { row: number; col: Map<string, number> } {
  const range = XLSX.utils.decode_range(ws["!ref"] ?? "A1");
  for (let r = 1; r <= range.e.r + 1; r++)
    if (at(ws, 1, r)?.v === "Mått") {
      const col = new Map<string, number>();
      for (let c = 1; c <= range.e.c + 1; c++) col.set(String(at(ws, c, r)?.v ?? ""), c);
      return { row: r, col };
    }
  throw new Error("no header row");
}
/** The row of a measure, by the Mått-id column. */
function rowOf(ws: Sheet, id: string): number {
  const h = headers(ws);
  const idCol = h.col.get("Mått-id") ?? 0;
  for (let r = h.row + 1; r < h.row + 200; r++) if (at(ws, idCol, r)?.v === id) return r;
  throw new Error(`no row for ${id}`);
}

let written: Uint8Array;
beforeAll(async () => {
  written = await writeLevel2(collected, { comparison });
});

describe("the Nivå 2 sheet's history and target columns", () => {
  it("follow Nivå 2 in order, and are absent without a comparison", async () => {
    const names = (bytes: Uint8Array) => {
      const h = headers(sheetOf(bytes));
      const level2 = h.col.get("Nivå 2") ?? 0;
      return [...h.col].filter(([, c]) => c > level2).map(([name]) => name);
    };
    expect(names(written).slice(0, 6)).toEqual([
      "Halvår 1 2025",
      "Förändring",
      "Mål",
      "",
      "Status",
      "Så räknas nivå 2",
    ]);
    expect(names(await writeLevel2(collected))[0]).toBe("Så räknas nivå 2");
  });

  it("print every column up to the ids", () => {
    const book = XLSX.read(written);
    const sheetIndex = book.SheetNames.indexOf(LEVEL2_SHEETS.summary);
    const area = book.Workbook?.Names?.find((n) => n.Name === "_xlnm.Print_Area" && n.Sheet === sheetIndex);
    const idCol = headers(sheetOf(written)).col.get("Mått-id") ?? 0;
    expect(area?.Ref).toMatch(new RegExp(`:\\$${XLSX.utils.encode_col(idCol - 2)}\\$\\d+$`));
  });

  it("show, as written, the earlier value, change and status worked out by hand", () => {
    const ws = sheetOf(written);
    const { col } = headers(ws);
    for (const [id, before] of Object.entries(earlier)) {
      const r = rowOf(ws, id);
      const v = current[id as keyof typeof current];
      expect(at(ws, col.get("Nivå 2") ?? 0, r)?.v).toBeCloseTo(v, 9);
      expect(at(ws, col.get("Halvår 1 2025") ?? 0, r)?.v).toBe(before);
      expect(at(ws, col.get("Förändring") ?? 0, r)?.v).toBeCloseTo(v - before, 9);
    }
    for (const t of targets) {
      const r = rowOf(ws, t.measureId);
      expect(at(ws, col.get("Mål") ?? 0, r)?.v).toBe(t.target);
      expect(at(ws, col.get("Status") ?? 0, r)?.v).toBe(byHand(t, current[t.measureId as "patienter_slut"]));
    }
    // No earlier value, no target: blank, never 0.
    const sip = rowOf(ws, "andel_patienter_med_sip");
    for (const name of ["Halvår 1 2025", "Förändring", "Mål", "Status"])
      expect(at(ws, col.get(name) ?? 0, sip)?.v ?? "").toBe("");
  });
});

/** A number written over one cell of the Nivå 2 sheet in the xlsx (found by its name in workbook.xml). */
function setNumber(bytes: Uint8Array, address: string, value: number): Uint8Array {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files["xl/workbook.xml"] ?? new Uint8Array());
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"] ?? new Uint8Array());
  const rid = new RegExp(`<sheet [^>]*name="${LEVEL2_SHEETS.summary}"[^>]*r:id="([^"]+)"`).exec(
    workbook,
  )?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
  const part = `xl/${(target?.[1] ?? target?.[2] ?? "").replace(/^\/?xl\//, "")}`;
  const xml = strFromU8(files[part] ?? new Uint8Array());
  const cell = new RegExp(`<c r="${address}"([^>]*?)(/>|>.*?</c>)`);
  expect(xml).toMatch(cell);
  files[part] = strToU8(
    xml.replace(
      cell,
      (_, attrs: string) => `<c r="${address}"${attrs.replace(/\s*t="[^"]*"/, "")}><v>${value}</v></c>`,
    ),
  );
  return zipSync(files);
}

const maybe = soffice ? describe : describe.skip;
maybe("the history and target columns recalculated by LibreOffice after an input is changed", () => {
  let recalculated: Sheet;
  let broken: Sheet;
  let col: Map<string, number>;

  beforeAll(() => {
    const ws = sheetOf(written);
    col = headers(ws).col;
    const unitCell = XLSX.utils.encode_cell({
      c: (col.get(corrected.unit) ?? 0) - 1,
      r: rowOf(ws, "patienter_slut") - 1,
    });
    const blanked = blankCachedResults(setNumber(written, unitCell, corrected.value));
    expect(blanked.formulas).toBeGreaterThan(0);
    // The same file with the change formula turned around: the test must notice.
    const turned = mapFormulas(blanked.bytes, (f) => f.replace(/\),([A-Z]+\d+)-([A-Z]+\d+),/, "),$2-$1,"));
    const out = recalculateWithLibreOffice(
      new Map([
        ["niva2", blanked.bytes],
        ["trasig", turned],
      ]),
    );
    recalculated = sheetOf(out.get("niva2") ?? new Uint8Array());
    broken = sheetOf(out.get("trasig") ?? new Uint8Array());
  }, 120_000);

  const after = () => ({
    patienter_slut: corrected.slut,
    patienter_nya: now.nya,
    patienter_per_pas: corrected.slut / now.pas,
  });

  it("carries the changed input into Nivå 2, Förändring and Status", () => {
    const ws = recalculated;
    for (const [id, before] of Object.entries(earlier)) {
      const r = rowOf(ws, id);
      const v = after()[id as keyof typeof earlier];
      expect(at(ws, col.get("Nivå 2") ?? 0, r)?.v).toBeCloseTo(v, 9);
      expect(at(ws, col.get("Halvår 1 2025") ?? 0, r)?.v).toBe(before);
      expect(at(ws, col.get("Förändring") ?? 0, r)?.v).toBeCloseTo(v - before, 9);
    }
    // Both statuses moved with the correction: slut 60 → 80 reaches 70; per PAS 1.71 → 2.29 passes 1.6 + 0.2.
    const statuses = targets.map((t) => byHand(t, after()[t.measureId as keyof typeof earlier]));
    expect(statuses).toEqual(["uppnått", "ej uppnått"]);
    expect(comparison.targets.map((t) => t.status)).toEqual(["ej uppnått", "nära"]);
    targets.forEach((t, i) => {
      const r = rowOf(ws, t.measureId);
      expect(at(ws, col.get("Status") ?? 0, r)?.v).toBe(statuses[i]);
      expect(at(ws, (col.get("Status") ?? 0) - 1, r)?.v).toBe(statuses[i] === "uppnått" ? 3 : 1);
    });
    const sip = rowOf(ws, "andel_patienter_med_sip");
    expect(at(ws, col.get("Förändring") ?? 0, sip)?.v ?? "").toBe("");
  });

  it("notices a change formula turned around", () => {
    const r = rowOf(broken, "patienter_slut");
    expect(at(broken, col.get("Förändring") ?? 0, r)?.v).toBeCloseTo(
      earlier.patienter_slut - corrected.slut,
      9,
    );
  });
});
