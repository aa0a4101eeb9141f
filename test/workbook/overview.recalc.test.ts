/**
 * History and targets end to end: an earlier period's level-2 workbook read back, a targets
 * CSV, and the current roll-up. The earlier values, change and target status are worked out by
 * hand here and compared with rollup's JSON and with the Översikt sheet, first as written, then
 * after a level-2 figure on Nivå 2 is changed in the file and LibreOffice recalculates the
 * workbook (cached results blanked, so the values must come from Översikt's formulas).
 */
import * as XLSX from "xlsx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { soffice } from "../helpers/libreoffice";
import { blankCachedResults, recalculateWithLibreOffice } from "../helpers/libreofficeRecalc";
import { writeLevel2 } from "../../src/workbook/writeLevel2";
import { comparisonOf } from "../../src/workbook/comparisonFiles";
import { OVERVIEW_HEADER_ROW, overviewColumns } from "../../src/workbook/overviewSheet";
import { LEVEL2_SHEETS } from "../../src/workbook/level2Sheets";
import { rollupJson } from "../../src/cli/commands/rollup";
import { LEVEL2_UNIT } from "../../src/core/tidy";
import { toCsv } from "../../src/core/csv";
import { targetStatus } from "../../src/core/comparison/targets";
import type { Target, TargetStatus } from "../../src/core/comparison/model";
import { psyk, psykValues, unitWith } from "../core/builders";
import { collectedFor } from "./level2Fixture";

const u = psyk();
// By hand. Earlier (2025H1): Norr 40 + 10 − 5 = 45 patients, 20 PAS, 3 with SIP; Söder 30 + 4 − 6 = 28, 15 PAS, 2 SIP.
// Now (2025H2): Norr 45 + 12 − 7 = 50, 20 PAS, 3 SIP; Söder 28 + 2 − 20 = 10, 15 PAS, 2 SIP.
const before = { slut: 45 + 28, nya: 10 + 4, pas: 20 + 15, sip: 3 + 2 };
const now = { slut: 50 + 10, nya: 12 + 2, pas: 20 + 15, sip: 3 + 2 };
const hand = {
  patienter_slut: { earlier: before.slut, current: now.slut },
  patienter_nya: { earlier: before.nya, current: now.nya },
  patienter_per_pas: { earlier: before.slut / before.pas, current: now.slut / now.pas },
  andel_patienter_med_sip: { earlier: (before.sip / before.slut) * 100, current: (now.sip / now.slut) * 100 },
};
const targets: Target[] = [
  { measureId: "patienter_slut", target: 70, better: "högre", tolerance: 5 },
  { measureId: "patienter_nya", target: 20, better: "lägre", tolerance: 0 },
  { measureId: "patienter_per_pas", target: 1.6, better: "lägre", tolerance: 0.2 },
  { measureId: "andel_patienter_med_sip", target: 9, better: "högre", tolerance: 1 },
];
/** The status by the documented rules, written out again here rather than calling the code under test. */
function byHand(t: Target, v: number | undefined): TargetStatus {
  if (v === undefined) return "kan inte bedömas";
  if (t.better === "högre")
    return v >= t.target ? "uppnått" : v >= t.target - t.tolerance ? "nära" : "ej uppnått";
  return v <= t.target ? "uppnått" : v <= t.target + t.tolerance ? "nära" : "ej uppnått";
}

const collectedOf = (period: string, values: [string, Record<string, number>][]) =>
  collectedFor(
    u,
    values.map(([unit, v]) => unitWith(u, unit, v, { period })),
  );
const earlier = collectedOf("2025H1", [
  ["Team Norr", psykValues(40, 10, 5, 20, 3)],
  ["Team Söder", psykValues(30, 4, 6, 15, 2)],
]);
const current = collectedOf("2025H2", [
  ["Team Norr", psykValues(45, 12, 7, 20, 3)],
  ["Team Söder", psykValues(28, 2, 20, 15, 2)],
]);
const targetsCsv = toCsv(
  ["uppdrag", "år", "mått_id", "målvärde", "riktning", "tolerans"],
  targets.map((t) => [u.id, "2025", t.measureId, t.target, t.better, t.tolerance]),
);

let comparison: ReturnType<typeof comparisonOf>;
let written: Uint8Array;
beforeAll(async () => {
  const earlierBook = await writeLevel2(earlier);
  comparison = comparisonOf(current, [{ name: "historik/niva2-2025H1.xlsx", bytes: earlierBook }], {
    name: "mal.csv",
    bytes: new TextEncoder().encode(targetsCsv),
  });
  written = await writeLevel2(current, { comparison });
});

describe("history and targets in rollup's JSON", () => {
  it("gives the earlier value, the change and the status worked out by hand", () => {
    const json = rollupJson(current, comparison).comparison;
    expect(json?.problems).toEqual([]);
    expect(json?.periods).toEqual(["2025H1"]);
    expect(json?.historyFiles).toEqual([
      { file: "historik/niva2-2025H1.xlsx", period: "2025H1", used: true, reason: null },
    ]);
    for (const [id, v] of Object.entries(hand)) {
      const s = json?.series.find((x) => x.unit === LEVEL2_UNIT && x.measureId === id);
      expect(s?.earlier[0]?.value).toBeCloseTo(v.earlier, 6);
      expect(s?.current.value).toBeCloseTo(v.current, 6);
      expect(s?.change).toBeCloseTo(v.current - v.earlier, 5);
    }
    expect(json?.targets.map((t) => [t.measureId, t.status])).toEqual(
      targets.map((t) => [t.measureId, byHand(t, hand[t.measureId as keyof typeof hand].current)]),
    );
    // The statuses differ, so a rule applied wrongly shows.
    expect(new Set(json?.targets.map((t) => t.status)).size).toBeGreaterThanOrEqual(3);
  });
});

/** A number written over one cell of a sheet in the xlsx, by the sheet's name. */
function setNumber(bytes: Uint8Array, sheet: string, address: string, value: number): Uint8Array {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files["xl/workbook.xml"]!);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]!);
  const escaped = sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const rid = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
  const part = `xl/${(target?.[1] ?? target?.[2] ?? "").replace(/^\/?xl\//, "")}`;
  const xml = strFromU8(files[part]!);
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
maybe("Översikt as written and recalculated by LibreOffice after a level-2 figure is corrected", () => {
  const col = overviewColumns(1);
  const keys = u.keyMeasures ?? [];
  const rowOf = (id: string) => OVERVIEW_HEADER_ROW + 1 + keys.indexOf(id);
  const cell = (book: XLSX.WorkBook, c: number, r: number) =>
    book.Sheets[LEVEL2_SHEETS.overview]?.[XLSX.utils.encode_cell({ c: c - 1, r: r - 1 })] as
      XLSX.CellObject | undefined;
  const corrected = 78; // patienter_slut on Nivå 2, typed over the formula
  let recalculated: XLSX.WorkBook;

  beforeAll(() => {
    const book = XLSX.read(written, { cellFormula: true });
    const formula = cell(book, col.current, rowOf("patienter_slut"))?.f ?? "";
    const address = /!\$?([A-Z]+)\$?(\d+)$/.exec(formula);
    expect(address).not.toBeNull();
    const changed = setNumber(written, LEVEL2_SHEETS.summary, `${address?.[1]}${address?.[2]}`, corrected);
    const blanked = blankCachedResults(changed);
    expect(blanked.formulas).toBeGreaterThan(0);
    recalculated = XLSX.read(recalculateWithLibreOffice(new Map([["niva2", blanked.bytes]])).get("niva2")!);
  }, 120_000);

  it("is the first sheet and shows, as written, the figures worked out by hand", () => {
    const book = XLSX.read(written);
    expect(book.SheetNames[0]).toBe(LEVEL2_SHEETS.overview);
    for (const t of targets) {
      const v = hand[t.measureId as keyof typeof hand];
      const r = rowOf(t.measureId);
      expect(cell(book, col.earlier(0), r)?.v).toBeCloseTo(v.earlier, 6);
      expect(cell(book, col.current, r)?.v).toBeCloseTo(v.current, 6);
      expect(cell(book, col.change, r)?.v).toBeCloseTo(v.current - v.earlier, 5);
      expect(cell(book, col.status, r)?.v).toBe(byHand(t, v.current));
    }
  });

  it("carries the corrected figure into value, change, status and icon", () => {
    const slut = targets[0]!;
    const r = rowOf("patienter_slut");
    expect(cell(recalculated, col.current, r)?.v).toBe(corrected);
    expect(cell(recalculated, col.change, r)?.v).toBe(corrected - hand.patienter_slut.earlier);
    expect(byHand(slut, corrected)).toBe("uppnått"); // it was "ej uppnått" before the correction
    expect(cell(recalculated, col.status, r)?.v).toBe("uppnått");
    expect(cell(recalculated, col.icon, r)?.v).toBe(3);
  });

  it("keeps every other status as the rules give it after recalculation", () => {
    for (const t of targets.slice(1)) {
      const v = hand[t.measureId as keyof typeof hand];
      const r = rowOf(t.measureId);
      expect(cell(recalculated, col.current, r)?.v).toBeCloseTo(v.current, 6);
      expect(cell(recalculated, col.status, r)?.v).toBe(byHand(t, v.current));
      expect(cell(recalculated, col.status, r)?.v).toBe(targetStatus(t, v.current));
    }
  });
});
