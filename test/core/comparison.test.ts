/**
 * History and targets in core: the earlier values, the change and the moved-units flag of a
 * roll-up beside an earlier period's record (figures worked out by hand below), the four target
 * statuses at their edges, and the records that cannot stand as an earlier period.
 */
import { toCsv } from "../../src/core/csv";
import { readPeriodRecord, type PeriodRecord } from "../../src/core/periodRecord";
import { rollup } from "../../src/core/rollup";
import { LEVEL2_UNIT, TIDY_HEADERS, tidyRow, tidyRows } from "../../src/core/tidy";
import { compareWithHistory, movedBeyond } from "../../src/core/comparison/history";
import { readTargetTable, targetStatus } from "../../src/core/comparison/targets";
import type { Target } from "../../src/core/comparison/model";
import { problemText } from "../../src/core/messages/sv";
import { parseCsv } from "../../src/workbook/csvText";
import { oppna, psyk, psykValues, unitWith } from "./builders";

const u = psyk();

function recordOf(period: string, values: [string, Record<string, number>][], source: string): PeriodRecord {
  const result = rollup(
    u,
    values.map(([unit, v]) => unitWith(u, unit, v, { period })),
  );
  const csv = toCsv(TIDY_HEADERS, tidyRows(u, result).map(tidyRow));
  const read = readPeriodRecord(parseCsv(csv.replace(/^\ufeff/, "")), source);
  if (!read.ok) throw new Error(problemText(read.problem));
  return read.record;
}

// Earlier: Norr ends with 40 + 10 − 5 = 45 patients, Söder with 30 + 4 − 6 = 28: level 2 73.
const h1 = recordOf(
  "2025H1",
  [
    ["Team Norr", psykValues(40, 10, 5, 20, 3)],
    ["Team Söder", psykValues(30, 4, 6, 15, 2)],
  ],
  "historik/2025H1.csv",
);
// Now: Norr 45 + 12 − 7 = 50, Söder 28 + 2 − 20 = 10: level 2 60.
const current = rollup(
  u,
  [
    unitWith(u, "Team Norr", psykValues(45, 12, 7, 20, 3), { period: "2025H2" }),
    unitWith(u, "Team Söder", psykValues(28, 2, 20, 15, 2), { period: "2025H2" }),
  ],
  { period: "2025H2" },
);

describe("compareWithHistory", () => {
  const c = compareWithHistory(current, [h1], { uppdrag: u });
  const series = (unit: string, id: string) => c.series.find((s) => s.unit === unit && s.measureId === id);

  it("gives each measure at level 2 and per unit the earlier value and the change", () => {
    expect(c.periods).toEqual(["2025H1"]);
    expect(series(LEVEL2_UNIT, "patienter_slut")).toEqual({
      measureId: "patienter_slut",
      unit: LEVEL2_UNIT,
      earlier: [{ period: "2025H1", value: 73 }],
      current: { period: "2025H2", value: 60 },
      change: -13,
      movedBeyondThreshold: false, // 13 of 73 is 18 %
    });
    expect(series("Team Norr", "patienter_slut")?.change).toBe(5);
    expect(series("Team Söder", "patienter_slut")?.change).toBe(-18);
  });

  it("flags a unit that moved by 25 % and at least 3, and no other", () => {
    expect(series("Team Söder", "patienter_slut")?.movedBeyondThreshold).toBe(true); // −18 of 28
    expect(series("Team Norr", "patienter_slut")?.movedBeyondThreshold).toBe(false); // +5 of 45
    expect(movedBeyond(2, 1, { relative: 0.25, absolute: 3 })).toBe(false); // +50 % but only 1
    expect(movedBeyond(0, 3, { relative: 0.25, absolute: 3 })).toBe(true);
    expect(movedBeyond(1000, 249, { relative: 0.25, absolute: 3 })).toBe(false);
    expect(movedBeyond(1000, -250, { relative: 0.25, absolute: 3 })).toBe(true);
  });

  it("keeps a missing figure missing: no change, never a change from 0", () => {
    const s = series(LEVEL2_UNIT, "sip_moten");
    expect(s?.current.value).toBeUndefined();
    expect(s?.change).toBeUndefined();
  });

  it("refuses another uppdrag, the same period, a later period and a second file of a period, by name", () => {
    const other = { ...h1, source: "historik/oppna.csv", uppdrag: oppna().id };
    const same = { ...h1, source: "historik/nu.csv", period: "2025H2" };
    const later = { ...h1, source: "historik/sen.csv", period: "2026H1" };
    const copy = { ...h1, source: "historik/2025H1 (2).csv" };
    const d = compareWithHistory(current, [copy, later, h1, same, other], { uppdrag: u });
    expect(d.periods).toEqual(["2025H1"]);
    expect(d.historyFiles?.filter((f) => f.used).map((f) => f.file)).toEqual(["historik/2025H1.csv"]);
    expect(d.problems.map(problemText)).toEqual([
      expect.stringMatching(/^historik\/nu\.csv gäller samma period \(2025H2\)/),
      expect.stringMatching(/^historik\/sen\.csv gäller 2026H1, som inte ligger före 2025H2/),
      expect.stringMatching(/^historik\/oppna\.csv är en sammanställning för uppdraget oppna-verksamheter/),
      expect.stringMatching(
        /^historik\/2025H1 \(2\)\.csv gäller samma period \(2025H1\) som historik\/2025H1\.csv/,
      ),
    ]);
  });
});

describe("target status", () => {
  const higher: Target = { measureId: "x", target: 70, better: "högre", tolerance: 5 };
  const lower: Target = { measureId: "x", target: 30, better: "lägre", tolerance: 2 };
  it.each([
    [higher, 70, "uppnått"],
    [higher, 69.9, "nära"],
    [higher, 65, "nära"],
    [higher, 64.9, "ej uppnått"],
    [higher, undefined, "kan inte bedömas"],
    [lower, 30, "uppnått"],
    [lower, 32, "nära"],
    [lower, 32.1, "ej uppnått"],
    [{ ...lower, tolerance: 0 }, 30.5, "ej uppnått"],
  ] as const)("%o at %p is %p", (target, value, status) => {
    expect(targetStatus(target, value)).toBe(status);
  });

  it("judges the level-2 figures against a targets table", () => {
    const table = [
      ["uppdrag", "år", "mått_id", "mått", "målvärde", "riktning", "tolerans"],
      [u.id, "2025", "patienter_slut", "", 70, "högre", 5],
      [u.id, "2025", "patienter_nya", "", "15", "Högre", "2"],
      [u.id, "2025", "patienter_avslutade", "", "30", "lägre", ""],
      [u.id, "2025", "sip_moten", "", "10", "högre", "0"],
      [u.id, "2025", "arsarbetare", "", "", "", ""],
    ];
    const read = readTargetTable(table, "mal.csv", u, "2025");
    expect(read.problems).toEqual([]);
    const c = compareWithHistory(current, [], { uppdrag: u, targets: read.targets });
    expect(c.targets.map((t) => [t.measureId, t.value, t.status])).toEqual([
      ["patienter_slut", 60, "ej uppnått"], // 60 < 70 − 5
      ["patienter_nya", 14, "nära"], // 12 + 2; 13 ≤ 14 < 15
      ["patienter_avslutade", 27, "uppnått"], // 7 + 20 ≤ 30
      ["sip_moten", undefined, "kan inte bedömas"], // no unit gave it
    ]);
  });

  it("names the file, row and column of a target it cannot use", () => {
    const table = [
      ["mått_id", "målvärde", "riktning", "tolerans"],
      ["patienter_slut", "sjuttio", "högre", ""],
      ["patienter_nya", "15", "upp", ""],
      ["patienter_sluut", "15", "högre", ""],
      ["patienter_avslutade", "15", "lägre", "-1"],
      ["sip_moten", "4", "högre", ""],
      ["sip_moten", "5", "högre", ""],
    ];
    const read = readTargetTable(table, "mal.csv", u, "2025");
    expect(read.targets?.targets.map((t) => t.measureId)).toEqual(["sip_moten"]);
    expect(read.problems.map(problemText)).toEqual([
      expect.stringMatching(/^Målfilen mal\.csv, rad 2, kolumnen målvärde: "sjuttio"/),
      expect.stringMatching(/^Målfilen mal\.csv, rad 3, kolumnen riktning: "upp"/),
      expect.stringMatching(/^Målfilen mal\.csv, rad 4: måttet patienter_sluut finns inte/),
      expect.stringMatching(/^Målfilen mal\.csv, rad 5, kolumnen tolerans: "-1"/),
      expect.stringMatching(/^Målfilen mal\.csv, rad 7: måttet sip_moten har redan ett mål på rad 6/),
    ]);
  });

  it("refuses a targets file of another year or uppdrag", () => {
    const table = (uppdrag: string, year: string) => [
      ["uppdrag", "år", "mått_id", "målvärde", "riktning"],
      [uppdrag, year, "patienter_slut", 70, "högre"],
    ];
    expect(readTargetTable(table(u.id, "2024"), "mal.csv", u, "2025").targets).toBeUndefined();
    expect(
      problemText(readTargetTable(table("oppna-verksamheter", "2025"), "mal.csv", u, "2025").problems[0]!),
    ).toMatch(/gäller uppdraget oppna-verksamheter/);
  });
});
