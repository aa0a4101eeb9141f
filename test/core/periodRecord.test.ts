/**
 * A period's record read back: the tidy rows as the CSV holds them come back as the same rows
 * (numbers, missing, texts that look like formulas), older nine-column files stay readable, and
 * two periods are compared measure by measure by id.
 */
import { toCsv } from "../../src/core/csv";
import {
  compareLevelTwo,
  levelTwoValue,
  readPeriodRecord,
  unitValue,
  type PeriodRecord,
} from "../../src/core/periodRecord";
import { rollup } from "../../src/core/rollup";
import {
  LEVEL2_UNIT,
  TIDY_HEADERS,
  TIDY_HEADERS_V1,
  TIDY_HEADERS_V2,
  tidyRow,
  tidyRows,
  type TidyRow,
} from "../../src/core/tidy";
import { problemText } from "../../src/core/messages/sv";
import { parseCsv } from "../../src/workbook/csvText";
import { psyk, psykValues, unitWith } from "./builders";

const u = psyk();
const reports = [
  unitWith(u, "Team Norr", { ...psykValues(40, 10, 5, 20, 3), sip_moten: 4 }),
  unitWith(u, "Team Söder", { ...psykValues(30, 4, 6, 15, 2, 4.5), sip_moten: { kind: "missing" } }),
];
const rows = tidyRows(u, rollup(u, reports));

const viaCsv = (csv: string, source = "förra.csv") =>
  readPeriodRecord(parseCsv(csv.replace(/^\ufeff/, "")), source);

function read(csv: string): PeriodRecord {
  const result = viaCsv(csv);
  if (!result.ok) throw new Error(problemText(result.problem));
  return result.record;
}

describe("reading a period's record back from its CSV", () => {
  it("gives back every tidy row as it was written", () => {
    const record = read(toCsv(TIDY_HEADERS, rows.map(tidyRow)));
    expect(record).toMatchObject({ format: 3, uppdrag: u.id, period: "2025H1", templateVersion: u.version });
    expect(record.rows).toEqual(rows);
  });

  it("keeps text that a spreadsheet would run as a formula as the unit wrote it, and separators inside quotes", () => {
    const tricky = ['=HYPERLINK("x")', "-5 dagar", 'a;b "c"\nrad två', "12,5 %"];
    const withTexts = tricky.map((t, i): TidyRow => ({
      ...rows[0]!,
      measureId: `fritext_${i}`,
      value: t,
      caseNumber: null,
    }));
    expect(read(toCsv(TIDY_HEADERS, withTexts.map(tidyRow))).rows.map((r) => r.value)).toEqual(tricky);
  });

  it("reads the nine-column format 1 without a template version", () => {
    const old = toCsv(
      TIDY_HEADERS_V1,
      rows.map((r) => tidyRow(r).slice(0, TIDY_HEADERS_V1.length)),
    );
    const record = read(old);
    expect(record.format).toBe(1);
    expect(record.templateVersion).toBeUndefined();
    expect(record.rows.map((r) => r.value)).toEqual(rows.map((r) => r.value));
  });

  it("reads format 2 (no target columns) as it was written", () => {
    const v2 = toCsv(
      TIDY_HEADERS_V2,
      rows.map((r) => [...tidyRow(r).slice(0, TIDY_HEADERS_V1.length), r.templateVersion, 2]),
    );
    const record = read(v2);
    expect(record.format).toBe(2);
    expect(record.rows).toEqual(rows);
  });

  it("gives back a level-2 row's target and status in format 3, and leaves rows without one bare", () => {
    const targets = [
      {
        measureId: "patienter_slut",
        target: { measureId: "patienter_slut", target: 70.5, better: "högre" as const, tolerance: 2 },
        value: 63,
        status: "ej uppnått" as const,
      },
    ];
    const withTargets = tidyRows(u, rollup(u, reports), targets);
    const record = read(toCsv(TIDY_HEADERS, withTargets.map(tidyRow)));
    expect(record.format).toBe(3);
    expect(record.rows).toEqual(withTargets);
    expect(record.rows.filter((r) => r.target !== undefined)).toEqual([
      expect.objectContaining({
        level: 2,
        measureId: "patienter_slut",
        target: 70.5,
        targetStatus: "ej uppnått",
      }),
    ]);
  });

  it("finds level-2 and unit values, missing as null and units compared as the roll-up compares them", () => {
    const record = read(toCsv(TIDY_HEADERS, rows.map(tidyRow)));
    expect(levelTwoValue(record, "sip_patienter")).toBe(3 + 2);
    expect(levelTwoValue(record, "sip_moten")).toBe(4);
    expect(unitValue(record, "Team\u200b Norr", "sip_patienter")).toBe(3);
    expect(unitValue(record, "Team Söder", "sip_moten")).toBeNull();
    expect(unitValue(record, "Team Väster", "sip_patienter")).toBeUndefined();
    expect(levelTwoValue(record, "finns_inte")).toBeUndefined();
  });

  it("refuses a table that is not ours, or mixes periods, with a message naming the file", () => {
    const notOurs = viaCsv("enhet;värde\r\nA;1\r\n", "budget.csv");
    expect(notOurs.ok).toBe(false);
    if (!notOurs.ok)
      expect(problemText(notOurs.problem)).toMatch(/^budget\.csv kan inte läsas .*kolumnrubriker/);
    const mixed = rows.map((r, i) => tidyRow(i === 0 ? { ...r, period: "2025H2" } : r));
    const refused = viaCsv(toCsv(TIDY_HEADERS, mixed));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(problemText(refused.problem)).toContain("blandar perioderna");
  });

  it("leaves out a row it cannot read and says which row and column", () => {
    const bad = rows.map(tidyRow);
    bad[2]![2] = 7; // nivå
    bad[4]![8] = "andra"; // ärende
    const result = viaCsv(toCsv(TIDY_HEADERS, bad));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.rows).toHaveLength(rows.length - 2);
    expect(result.problems.map(problemText)).toEqual([
      'förra.csv, rad 4: kolumnen nivå har värdet "7", som inte kan läsas. Raden används inte.',
      'förra.csv, rad 6: kolumnen ärende har värdet "andra", som inte kan läsas. Raden används inte.',
    ]);
  });
});

describe("comparing two periods", () => {
  const level2 = (measureId: string, value: number | string | null): TidyRow => ({
    uppdrag: u.id,
    period: "2025H1",
    level: 2,
    unit: LEVEL2_UNIT,
    measureId,
    label: measureId,
    value,
    unitOfMeasure: "st",
    caseNumber: null,
    templateVersion: "1",
  });
  const record = (period: string, templateVersion: string, rs: TidyRow[]): PeriodRecord => ({
    source: period,
    format: 2,
    uppdrag: u.id,
    period,
    templateVersion,
    rows: rs.map((r) => ({ ...r, period, templateVersion })),
  });

  it("matches measures by id across template versions and computes the change exactly", () => {
    const earlier = record("2024H2", "1", [
      level2("andel", 0.1),
      level2("borttaget", 4),
      level2("svar", "Ja"),
    ]);
    const current = record("2025H1", "2", [
      level2("andel", 0.3),
      level2("nytt", 2),
      level2("svar", "Nej"),
      level2("saknas", null),
    ]);
    const byId = new Map(compareLevelTwo(current, earlier).map((c) => [c.measureId, c]));
    expect(byId.get("andel")).toEqual({ measureId: "andel", current: 0.3, earlier: 0.1, change: 0.2 });
    expect(byId.get("nytt")).toEqual({ measureId: "nytt", current: 2, earlier: undefined });
    expect(byId.get("borttaget")).toEqual({ measureId: "borttaget", current: undefined, earlier: 4 });
    expect(byId.get("svar")).toEqual({ measureId: "svar", current: "Nej", earlier: "Ja" });
    expect(byId.get("saknas")).toEqual({ measureId: "saknas", current: null, earlier: undefined });
  });
});
