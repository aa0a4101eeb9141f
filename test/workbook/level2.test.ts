/**
 * The Nivå 2 sheet for every uppdrag in templates/: each level-2 number is a live formula with
 * the right cached result, unit cells show the row's statistic, texts use the decimal comma, and
 * figures built on values with errors are flagged beside the figure, with the level-2 rule results.
 */
import * as XLSX from "xlsx";
import { writeLevel2, LEVEL2_SHEETS } from "../../src/workbook/writeLevel2";
import { rollupFiles, type FileOutcome } from "../../src/workbook/collect";
import { validateReport } from "../../src/core/validate";
import { ERROR_POLICY } from "../../src/core/messages/policy";
import type { UnitReport } from "../../src/core/model";
import { catalog, collectedFor, fixtureReports, level2Mismatches, readSummary } from "./level2Fixture";

const createdAt = new Date("2025-08-31T08:00:00Z");

describe.each(catalog.uppdrag.map((u) => [u.id, u] as const))("the Nivå 2 sheet of %s", (_, uppdrag) => {
  const reports = fixtureReports(uppdrag);
  const bytes = writeLevel2(collectedFor(uppdrag, reports), { createdAt });

  it("has a row with the hand-computed figure for every level-2 measure but the texts", async () => {
    const { rows } = readSummary(await bytes);
    const expected = uppdrag.measures
      .filter((m) => m.levels.includes(2) && m.aggregate !== "text")
      .map((m) => m.id);
    expect(rows.map((r) => r.measureId)).toEqual(expect.arrayContaining(expected));
    expect(rows).toHaveLength(expected.length);
    expect(level2Mismatches(uppdrag, reports, await bytes)).toEqual([]);
  });

  it("makes every level-2 number a live formula, although units lack inputs", async () => {
    const { ws, rows, col } = readSummary(await bytes);
    const plain = rows.flatMap((row) => {
      const cell = ws[XLSX.utils.encode_cell({ r: row.r, c: col("Nivå 2") })];
      return cell && typeof cell.v === "number" && !cell.f ? [row.measureId] : [];
    });
    expect(plain).toEqual([]);
  });

  it("says why a unit's ratio is empty when its denominator is 0, and leaves blanks for missing", async () => {
    const { rows, header } = readSummary(await bytes);
    const zeroed = uppdrag.measures.find((m) => m.formula)!; // the fixture's ratio with 0 in every unit
    const row = rows.find((r) => r.measureId === zeroed.id)!;
    const shown = reports.map((r) => row.cells[header.indexOf(r.unit)]);
    const covered = reports.map((r) => !zeroed.part || !r.parts || r.parts.includes(zeroed.part));
    expect(shown).toEqual(covered.map((c) => (c ? "nämnaren är 0" : "–")));
    // A unit that lacks an input of a ratio has a blank there: missing.
    const lacking = uppdrag.measures.flatMap((m) =>
      reports
        .filter(
          (r) =>
            m.formula &&
            (!m.part || !r.parts || r.parts.includes(m.part)) &&
            [...m.formula.numerator, ...m.formula.denominator].some(
              (t) => r.values[t.measure]?.kind !== "number",
            ),
        )
        .map((r) => [m.id, r.unit]),
    );
    expect(lacking.length).toBeGreaterThan(0);
    for (const [id, unit] of lacking)
      expect([id, unit, rows.find((r) => r.measureId === id)!.cells[header.indexOf(unit!)]]).toEqual([
        id,
        unit,
        null,
      ]);
  });

  it("writes the Underlag with the Swedish decimal comma", async () => {
    const { rows, col } = readSummary(await bytes);
    const basis = rows.map((r) => String(r.cells[col("Underlag")] ?? ""));
    expect(basis.filter((t) => /\d\.\d/.test(t))).toEqual([]);
  });
});

describe("unit cells beside a level-2 figure", () => {
  const lillaEdet = catalog.uppdrag.find((u) => u.id === "lilla-edet-grunduppdrag")!;
  const mean = lillaEdet.measures.find((m) => m.id === "al_sabo_vantetid")!;

  it("show the same statistic as the row (the mean for a mean wait) and 0 ärenden for a unit without cases", async () => {
    expect(mean.statistic).toBe("mean");
    const reports = fixtureReports(lillaEdet);
    const { rows, header } = readSummary(await writeLevel2(collectedFor(lillaEdet, reports), { createdAt }));
    const row = rows.find((r) => r.measureId === mean.id)!;
    for (const report of reports) {
      const cell = row.cells[header.indexOf(report.unit)];
      const v = report.values[mean.id];
      if (v?.kind !== "list")
        expect([report.unit, cell]).toEqual([
          report.unit,
          report.parts && !report.parts.includes(mean.part!) ? "–" : null,
        ]);
      else if (v.values.length === 0) expect([report.unit, cell]).toEqual([report.unit, "0 ärenden"]);
      else
        expect([report.unit, cell]).toEqual([
          report.unit,
          v.values.reduce((a, b) => a + b, 0) / v.values.length,
        ]);
    }
    // The fixture has a unit with cases, one with none and one that does not cover the part.
    expect(reports.map((r) => r.values[mean.id]?.kind ?? "–")).toEqual(["list", "–", "list", "list"]);
  });
});

describe("figures built on values with errors, in the workbook", () => {
  const psyk = catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard")!;
  const team = (
    unit: string,
    start: number,
    nya: number,
    avslutade: number,
    slut = start + nya - avslutade,
  ): UnitReport => {
    const n = (value: number) => ({ kind: "number" as const, value });
    const values = {
      patienter_start: n(start),
      patienter_nya: n(nya),
      patienter_avslutade: n(avslutade),
      patienter_slut: n(slut),
      pas_antal: n(2),
      sip_patienter: n(slut),
      arsarbetare: n(2),
    };
    return {
      uppdragId: psyk.id,
      templateVersion: psyk.version,
      unit,
      period: "2025H1",
      file: `${unit}.xlsx`,
      values,
    };
  };
  const reports = [team("Team Norr", 22, 5, 3), team("Team Söder", 18, 4, 2, 22)];
  const outcomes: FileOutcome[] = reports.map((report) => ({
    file: report.file,
    sha256: "",
    status: "read",
    uppdrag: psyk,
    report,
    problems: validateReport(psyk, report),
  }));
  const collected = rollupFiles(outcomes, catalog)!;

  it("flags the figure with the unit, states the policy and the level-2 rule results at the top, and lists them on the Problem sheet", async () => {
    const bytes = await writeLevel2(collected, { createdAt });
    const { rows, col } = readSummary(bytes);
    const flagOf = (id: string) => rows.find((r) => r.measureId === id)!.cells[col("Fel i underlaget")];
    expect(flagOf("patienter_slut")).toBe("Bygger på värden med fel från Team Söder");
    expect(flagOf("patienter_nya")).toBe("Bygger på värden med fel från Team Söder");
    expect(flagOf("pas_antal")).toBeNull();

    const wb = XLSX.read(bytes, { type: "array" });
    const top = XLSX.utils
      .sheet_to_json<unknown[]>(wb.Sheets[LEVEL2_SHEETS.summary]!, { header: 1 })
      .slice(0, 8)
      .map((r) => String(r[0] ?? ""));
    expect(top).toContain(`Värden med fel: ${ERROR_POLICY}`);
    expect(top.some((t) => t.startsWith("Kontrollerna mellan måtten ger 1 avvikelse på nivå 2"))).toBe(true);
    expect(
      top.some(
        (t) =>
          t.includes("Flödet går inte ihop") &&
          t.includes("= 44, men Antal patienter vid periodens slut är 46"),
      ),
    ).toBe(true);

    const slut = rows.find((r) => r.measureId === "patienter_slut")!;
    expect(slut.cells[col("Kontroll mellan måtten")]).toMatch(
      /^Nivå 2 \(hela uppdraget\): Flödet går inte ihop/,
    );
    const problems = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets[LEVEL2_SHEETS.problems]!);
    const levelTwo = problems.filter((p) => p.Blad === LEVEL2_SHEETS.summary);
    expect(levelTwo).toEqual([
      expect.objectContaining({
        Cell: XLSX.utils.encode_cell({ r: slut.r, c: col("Nivå 2") }),
        "Mått-id": "patienter_slut",
        Allvarlighet: "Fel",
      }),
    ]);
  });
});
