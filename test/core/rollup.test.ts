import fc from "fast-check";
import { accumulate, figures, rollup, type Figure } from "../../src/core/rollup";
import type { Problem, UnitReport, Value } from "../../src/core/model";
import type { LevelTwoParams } from "../../src/core/messages/codes";
import { validateReport } from "../../src/core/validate";
import { problemText } from "../../src/core/messages/sv";
import { list, oppna, psyk, psykValues, text, unitWith, yes } from "./builders";

const fig = (all: Figure[], id: string) => all.find((f) => f.measureId === id)!;

/** Independent median: sort a copy, take the middle (mean of the two middles). */
function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

describe("rolling up psykiatrisk hemsjukvård by hand-checkable figures", () => {
  const u = psyk();
  const reports = [
    unitWith(u, "Team Norr", { ...psykValues(30, 6, 4, 2, 30, 3.5) }),
    unitWith(u, "Team Syd", { ...psykValues(40, 3, 1, 4, 40, 4.25) }),
    unitWith(u, "Team Väst", { ...psykValues(5, 1, 0, 1, 5, 0.75) }),
  ];
  const result = rollup(u, reports);
  const f = (id: string) => fig(result.figures, id);

  it("sums counts, flows and stocks", () => {
    expect(f("patienter_start").value).toBe(30 + 40 + 5);
    expect(f("patienter_nya").value).toBe(6 + 3 + 1);
    expect(f("patienter_avslutade").value).toBe(4 + 1 + 0);
    expect(f("patienter_slut").value).toBe(32 + 42 + 6);
  });

  it("keeps decimals of årsarbetare", () => {
    expect(f("arsarbetare").value).toBe(8.5); // 3,5 + 4,25 + 0,75
  });

  it("recomputes patients per PAS from the sums, not the mean of the units' ratios", () => {
    expect(f("patienter_per_pas").value).toBe(80 / 7); // (32 + 42 + 6) / (2 + 4 + 1)
    const meanOfRatios = (32 / 2 + 42 / 4 + 6 / 1) / 3;
    expect(f("patienter_per_pas").value).not.toBeCloseTo(meanOfRatios, 3);
    expect(f("patienter_per_pas").details).toEqual({ numerator: 80, denominator: 7 });
  });

  it("keeps provenance: which units made each figure", () => {
    expect(f("patienter_slut").contributors).toEqual(["Team Norr", "Team Syd", "Team Väst"]);
    expect(f("patienter_slut").complete).toBe(true);
  });
});

describe("missing is missing", () => {
  const u = psyk();

  it("shows a blank as missing with the unit that lacks it, and sums the others", () => {
    const a = unitWith(u, "A", { patienter_nya: 4, pas_antal: 2, patienter_slut: 10 });
    const b = unitWith(u, "B", { pas_antal: 3, patienter_slut: 9 });
    const r = rollup(u, [a, b]);
    expect(fig(r.figures, "patienter_nya")).toMatchObject({
      value: 4,
      contributors: ["A"],
      missing: ["B"],
      complete: false,
    });
  });

  it("gives null, not 0, when no unit reported", () => {
    const r = rollup(u, [unitWith(u, "A", {}), unitWith(u, "B", {})]);
    expect(fig(r.figures, "patienter_nya")).toMatchObject({ value: null, missing: ["A", "B"] });
  });

  it("leaves a unit out of both numerator and denominator when half its ratio is blank", () => {
    const a = unitWith(u, "A", { patienter_slut: 10, pas_antal: 2 });
    const b = unitWith(u, "B", { patienter_slut: 50 });
    expect(fig(rollup(u, [a, b]).figures, "patienter_per_pas")).toMatchObject({
      value: 5,
      contributors: ["A"],
      missing: ["B"],
    });
  });

  it("lists expected units that sent nothing as missing in every figure", () => {
    const r = rollup(u, [unitWith(u, "A", psykValues(1, 1, 1, 1, 1))], {
      expectedUnits: [{ unit: "A" }, { unit: "Team Öst" }],
    });
    expect(r.absentUnits).toEqual([{ unit: "Team Öst" }]);
    expect(fig(r.figures, "patienter_nya").missing).toEqual(["Team Öst"]);
    expect(r.problems).toEqual([
      expect.objectContaining({ code: "unitMissing", params: { unit: "Team Öst" } }),
    ]);
  });

  it("does not report a part's workbook as missing another part's measures", () => {
    const o = oppna();
    const demens = unitWith(
      o,
      "Demenscenter",
      { demens_utredningar: 3, demens_vantetid: list(10, 20, 30), brukare_demenscenter: 40 },
      { parts: ["demenscenter"] },
    );
    const anhorig = unitWith(
      o,
      "Anhörigcenter",
      { brukare_anhorigcenter: 120 },
      { parts: ["anhorigcenter"] },
    );
    const r = rollup(o, [demens, anhorig]);
    expect(fig(r.figures, "demens_utredningar")).toMatchObject({
      value: 3,
      contributors: ["Demenscenter"],
      missing: [],
      complete: true,
    });
    expect(fig(r.figures, "brukare_anhorigcenter")).toMatchObject({ value: 120, missing: [] });
  });
});

describe("wait times, yes/no, choices and texts", () => {
  const o = oppna();

  it("pools every case for the median instead of combining unit medians", () => {
    const a = unitWith(o, "A", { demens_vantetid: list(5, 6, 7) }, { parts: ["demenscenter"] });
    const b = unitWith(o, "B", { demens_vantetid: list(50, 60) }, { parts: ["demenscenter"] });
    const f = fig(rollup(o, [a, b]).figures, "demens_vantetid");
    expect(f.value).toBe(7); // median of 5 6 7 50 60; the median of unit medians (6, 55) would be 30,5
    expect(f.details).toMatchObject({ count: 5, mean: 25.6, min: 5, max: 60 });
  });

  it("counts an empty list (no investigations) as reported, with no cases", () => {
    const a = unitWith(o, "A", { demens_vantetid: list() }, { parts: ["demenscenter"] });
    expect(fig(rollup(o, [a]).figures, "demens_vantetid")).toMatchObject({
      value: null,
      contributors: ["A"],
      details: { count: 0 },
    });
  });

  it("reports yes/no as x of n units and texts side by side", () => {
    const a = unitWith(o, "A", {
      register_senior_alert: yes(true),
      kval_samverkan_analys: text("Bra samverkan"),
    });
    const b = unitWith(o, "B", {
      register_senior_alert: yes(false),
      kval_samverkan_analys: text("Behöver SIP-rutin"),
    });
    const c = unitWith(o, "C", {});
    const r = rollup(o, [a, b, c]);
    expect(fig(r.figures, "register_senior_alert")).toMatchObject({
      value: 1,
      details: { yes: 1, answered: 2 },
      missing: ["C"],
    });
    expect(fig(r.figures, "kval_samverkan_analys").details.texts).toEqual([
      { unit: "A", text: "Bra samverkan" },
      { unit: "B", text: "Behöver SIP-rutin" },
    ]);
  });

  it("tallies chosen follow-up methods", () => {
    const a = unitWith(o, "A", { kval_delaktighet_metod: text("Enkät") });
    const b = unitWith(o, "B", { kval_delaktighet_metod: text("Enkät") });
    const c = unitWith(o, "C", { kval_delaktighet_metod: text("Avslutssamtal") });
    expect(fig(rollup(o, [a, b, c]).figures, "kval_delaktighet_metod").details.tally).toMatchObject({
      Enkät: 2,
      Avslutssamtal: 1,
      "Granskning av genomförandeplaner": 0,
    });
  });
});

describe("what may not be rolled up together", () => {
  const u = psyk();

  it("rejects other periods, uppdrag and template versions instead of mixing them", () => {
    const ok = [unitWith(u, "A", { patienter_nya: 1 }), unitWith(u, "B", { patienter_nya: 2 })];
    const otherPeriod = unitWith(u, "C", { patienter_nya: 100 }, { period: "2024H2" });
    const otherVersion = unitWith(u, "D", { patienter_nya: 100 }, { templateVersion: "2025.1" });
    const otherUppdrag = unitWith(u, "E", { patienter_nya: 100 }, { uppdragId: "oppna-verksamheter" });
    const r = rollup(u, [...ok, otherPeriod, otherVersion, otherUppdrag]);
    expect(fig(r.figures, "patienter_nya").value).toBe(3);
    expect(r.rejected.map((x) => [x.report.unit, x.problem.code])).toEqual([
      ["C", "otherPeriod"],
      ["D", "otherVersion"],
      ["E", "otherUppdrag"],
    ]);
  });

  it("rejects every copy of a unit that comes in two files", () => {
    const r = rollup(u, [
      unitWith(u, "A", { patienter_nya: 1 }, { file: "a1.xlsx" }),
      unitWith(u, " a ", { patienter_nya: 2 }, { file: "a2.xlsx" }),
      unitWith(u, "B", { patienter_nya: 5 }),
    ]);
    expect(fig(r.figures, "patienter_nya").value).toBe(5);
    expect(r.rejected.map((x) => x.problem)).toEqual([
      expect.objectContaining({
        code: "duplicateUnit",
        params: expect.objectContaining({ files: "a1.xlsx, a2.xlsx" }),
      }),
      expect.objectContaining({ code: "duplicateUnit" }),
    ]);
  });
});

describe("a unit's file sent twice", () => {
  const u = psyk();
  const a1 = unitWith(u, "Team A", { patienter_nya: 1 }, { file: "in/a.xlsx" });
  const a2 = unitWith(u, "team a", { patienter_nya: 1 }, { file: "in/a (kopia).xlsx" });
  const b = unitWith(u, "B", { patienter_nya: 5 }, { file: "in/b.xlsx" });
  const sameBytes = (r: UnitReport) => (r.unit === "B" ? "hash-b" : "hash-a");

  it("uses one byte-identical copy, the same one whatever the input order, and lists the other as a copy of it", () => {
    for (const order of [
      [a1, a2, b],
      [b, a2, a1],
    ]) {
      const r = rollup(u, order, {
        contentKey: sameBytes,
        expectedUnits: [{ unit: "Team A" }, { unit: "B" }],
      });
      expect(r.used.map((x) => x.file)).toEqual(["in/b.xlsx", "in/a.xlsx"]);
      expect(r.copies.map((c) => [c.report.file, c.copyOf.file, c.problem.code, c.problem.severity])).toEqual(
        [["in/a (kopia).xlsx", "in/a.xlsx", "duplicateCopy", "varning"]],
      );
      expect(r.rejected).toEqual([]);
      expect(r.absentUnits).toEqual([]);
      expect(fig(r.figures, "patienter_nya")).toMatchObject({ value: 1 + 5, complete: true });
    }
  });

  it("screens the same way in every input order", () => {
    const c1 = unitWith(u, "C", { patienter_nya: 2 }, { file: "in/c.xlsx" });
    const c2 = unitWith(u, "C", { patienter_nya: 3 }, { file: "in/c2.xlsx" });
    const a3 = unitWith(u, "TEAM A", { patienter_nya: 1 }, { file: "in/kopia av a.xlsx" });
    const key = (r: UnitReport) => (r.unit === "C" ? r.file : sameBytes(r));
    const summary = (reports: UnitReport[]) => {
      const r = rollup(u, reports, { contentKey: key });
      return {
        used: r.used.map((x) => x.file),
        copies: r.copies.map((c) => [c.report.file, c.copyOf.file]),
        rejected: r.rejected.map((x) => x.report.file).sort(),
        conflicting: r.conflictingUnits,
        figures: r.figures,
      };
    };
    const expected = summary([a1, a2, a3, b, c1, c2]);
    expect(expected.used).toEqual(["in/b.xlsx", "in/a.xlsx"]);
    fc.assert(
      fc.property(fc.shuffledSubarray([a1, a2, a3, b, c1, c2], { minLength: 6, maxLength: 6 }), (order) =>
        expect(summary(order)).toEqual(expected),
      ),
    );
  });

  it("reports a unit that sent two different files as such, not as a unit that sent nothing, and counts it missing", () => {
    const different = (r: UnitReport) => r.file;
    const r = rollup(u, [a1, a2, b], {
      contentKey: different,
      expectedUnits: [{ unit: "Team A" }, { unit: "B" }, { unit: "C" }],
    });
    expect(r.rejected.map((x) => x.problem.code)).toEqual(["duplicateUnit", "duplicateUnit"]);
    expect(r.absentUnits).toEqual([{ unit: "C" }]);
    expect(r.conflictingUnits).toEqual([{ unit: "Team A", files: ["in/a.xlsx", "in/a (kopia).xlsx"] }]);
    const texts = r.problems.map(problemText);
    expect(texts).toContain(
      "Enheten Team A skickade två olika filer (in/a.xlsx, in/a (kopia).xlsx). Ingen av dem räknas med förrän enheten sagt vilken som gäller.",
    );
    expect(texts).toContain("Enheten C har inte lämnat någon uppföljning.");
    expect(texts.filter((t) => t.includes("Team A har inte lämnat"))).toEqual([]);
    expect(fig(r.figures, "patienter_nya")).toMatchObject({
      value: 5,
      contributors: ["B"],
      missing: ["C", "Team A"],
      complete: false,
    });
  });
});

// ---------------------------------------------------------------------------
// Properties

const u = psyk();
/** A count or a blank (null). */
const maybeCount = fc.option(fc.nat({ max: 500 }), { nil: null, freq: 4 });
/** FTE with two decimals, or blank. */
const maybeFte = fc.option(
  fc.integer({ min: 0, max: 5000 }).map((c) => c / 100),
  { nil: null, freq: 4 },
);

const unitArb = fc.record({
  patienter_slut: maybeCount,
  patienter_nya: maybeCount,
  pas_antal: fc.option(fc.nat({ max: 20 }), { nil: null, freq: 4 }),
  arsarbetare: maybeFte,
  sip_patienter: maybeCount,
});

const unitsArb = fc
  .uniqueArray(
    fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && s !== ""),
    { minLength: 1, maxLength: 12, selector: (s) => s.toLowerCase() },
  )
  .chain((names) =>
    fc.tuple(fc.constant(names), fc.array(unitArb, { minLength: names.length, maxLength: names.length })),
  );

function toReports([names, values]: [string[], Record<string, number | null>[]]): UnitReport[] {
  return names.map((name, i) => {
    const v: Record<string, Value> = {};
    for (const [k, x] of Object.entries(values[i]!))
      v[k] = x === null ? { kind: "missing" } : { kind: "number", value: x };
    return unitWith(u, name, v as Record<string, Value>);
  });
}

describe("properties of the roll-up", () => {
  it("gives the same figures in any order", () => {
    fc.assert(
      fc.property(unitsArb, fc.infiniteStream(fc.nat()), (units, randoms) => {
        const reports = toReports(units);
        const shuffled = [...reports].sort(() => (randoms.next().value % 3) - 1);
        expect(figures(u, accumulate(shuffled))).toEqual(figures(u, accumulate(reports)));
      }),
      { numRuns: 200 },
    );
  });

  it("sums exactly what was entered and never counts a blank as 0", () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const reports = toReports(units);
        const all = figures(u, accumulate(reports));
        const entered = units[1].map((v) => v.arsarbetare).filter((x): x is number => x !== null);
        const cents = entered.reduce((s, x) => s + Math.round(x * 100), 0);
        const f = fig(all, "arsarbetare");
        expect(f.value).toBe(entered.length === 0 ? null : cents / 100);
        expect(f.contributors.length).toBe(entered.length);
        expect(f.missing.length).toBe(units[0].length - entered.length);
      }),
      { numRuns: 300 },
    );
  });

  it("computes a ratio from the summed numerator and denominator of units that gave both", () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const f = fig(figures(u, accumulate(toReports(units))), "patienter_per_pas");
        const both = units[1].filter((v) => v.patienter_slut !== null && v.pas_antal !== null);
        const num = both.reduce((s, v) => s + v.patienter_slut!, 0);
        const den = both.reduce((s, v) => s + v.pas_antal!, 0);
        if (both.length === 0 || den === 0) expect(f.value).toBeNull();
        else expect(f.value).toBeCloseTo(num / den, 6);
      }),
      { numRuns: 300 },
    );
  });

  it("is not the mean of the unit ratios when units differ in size", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (p1, p2, s1, s2) => {
          fc.pre(s1 !== s2 && p1 * s2 !== p2 * s1);
          const reports = [
            unitWith(u, "A", { patienter_slut: p1, pas_antal: s1 }),
            unitWith(u, "B", { patienter_slut: p2, pas_antal: s2 }),
          ];
          const f = fig(figures(u, accumulate(reports)), "patienter_per_pas");
          expect(f.value).toBeCloseTo((p1 + p2) / (s1 + s2), 6);
          expect(Math.abs(f.value! - (p1 / s1 + p2 / s2) / 2)).toBeGreaterThan(1e-9);
        },
      ),
    );
  });

  it("takes the median over all cases of all units", () => {
    const o = oppna();
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat({ max: 400 }), { maxLength: 15 }), { minLength: 1, maxLength: 8 }),
        (lists) => {
          const reports = lists.map((l, i) =>
            unitWith(o, `Enhet ${i}`, { demens_vantetid: list(...l) }, { parts: ["demenscenter"] }),
          );
          const f = fig(figures(o, accumulate(reports)), "demens_vantetid");
          const allCases = lists.flat();
          expect(f.value).toBe(allCases.length === 0 ? null : medianOf(allCases));
          expect(f.details.count).toBe(allCases.length);
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------
// Values with errors (ERROR_POLICY) and the rules on level 2

describe("figures built on values with errors", () => {
  const u = psyk();
  const norr = unitWith(u, "Team Norr", psykValues(22, 5, 3, 2, 24, 2.5));
  const soder = unitWith(u, "Team Söder", { ...psykValues(18, 4, 2, 2, 20, 2), patienter_slut: 22 }); // 18 + 4 − 2 = 20
  const problemsOf = (...reports: UnitReport[]) =>
    new Map(reports.map((r) => [r.file, validateReport(u, r)]));

  it("counts the values and flags every figure behind a broken flow with the unit", () => {
    const r = rollup(u, [norr, soder], { fileProblems: problemsOf(norr, soder) });
    expect(fig(r.figures, "patienter_slut")).toMatchObject({ value: 24 + 22, flaggedUnits: ["Team Söder"] });
    for (const id of [
      "patienter_start",
      "patienter_nya",
      "patienter_avslutade",
      "patienter_per_pas",
      "patienter_per_arsarbetare",
    ]) {
      expect([id, fig(r.figures, id).flaggedUnits]).toEqual([id, ["Team Söder"]]);
    }
    expect(fig(r.figures, "pas_antal").flaggedUnits).toEqual([]);
    expect(fig(r.figures, "arsarbetare").flaggedUnits).toEqual([]);
  });

  it("flags nothing without the files' problems, for warnings, or for a unit whose faulty value is missing", () => {
    expect(fig(rollup(u, [norr, soder]).figures, "patienter_slut").flaggedUnits).toEqual([]);
    const warning: Problem = {
      code: "unusuallyHigh",
      severity: "varning",
      measureId: "patienter_nya",
      params: { measure: "Nya", value: 40, limit: 30, unit: "st" },
    };
    const unreadable: Problem = {
      code: "notANumber",
      severity: "fel",
      measureId: "patienter_nya",
      params: { input: "ca 3" },
    };
    const vaster = unitWith(u, "Team Väster", {
      ...psykValues(15, 3, 4, 1, 14),
      patienter_nya: { kind: "missing", invalid: true },
    });
    const r = rollup(u, [norr, vaster], {
      fileProblems: new Map([
        [norr.file, [warning]],
        [vaster.file, [unreadable]],
      ]),
    });
    expect(fig(r.figures, "patienter_nya")).toMatchObject({
      contributors: ["Team Norr"],
      missing: ["Team Väster"],
      flaggedUnits: [],
    });
  });
});

describe("the cross-measure rules on level 2", () => {
  const u = psyk();
  const levelTwo = (r: ReturnType<typeof rollup>) =>
    r.levelTwoProblems.map((p) => ({
      check: (p.params as LevelTwoParams).check,
      measure: p.measureId,
      text: problemText(p),
    }));

  it("reports a level-2 flow that does not balance, and why when units lack inputs", () => {
    const norr = unitWith(u, "Team Norr", psykValues(22, 5, 3, 2, 24));
    const oster = unitWith(u, "Team Öster", {
      ...psykValues(12, 2, 1, 2, 13),
      patienter_avslutade: { kind: "missing" },
    });
    const problems = levelTwo(rollup(u, [norr, oster]));
    const flow = problems.filter((p) => p.check === "balanceMismatch");
    expect(flow).toHaveLength(1);
    expect(flow[0]!.measure).toBe("patienter_slut");
    // 34 + 7 − 3 = 38, but 24 + 13 = 37: Öster's start and end count, its avslutade is missing.
    expect(flow[0]!.text).toMatch(
      /^Nivå 2 \(hela uppdraget\): Flödet går inte ihop: .* = 38, men .* är 37\./,
    );
    expect(flow[0]!.text).toContain("Team Öster saknar Avslutade patienter under perioden");
  });

  it("says the cause is in the units' own values when every unit gave every input", () => {
    const norr = unitWith(u, "Team Norr", psykValues(22, 5, 3, 2, 24));
    const soder = unitWith(u, "Team Söder", { ...psykValues(18, 4, 2, 2, 20), patienter_slut: 22 });
    const [flow] = levelTwo(rollup(u, [norr, soder])).filter((p) => p.check === "balanceMismatch");
    expect(flow!.text).toContain("= 44, men Antal patienter vid periodens slut är 46");
    expect(flow!.text).toContain("finns redan i enheternas egna värden.");
    expect(flow!.text).not.toContain("Värden med fel från");
    // With the files' problems the units whose values have errors are named too.
    const files = new Map([norr, soder].map((r) => [r.file, validateReport(u, r)]));
    const [named] = levelTwo(rollup(u, [norr, soder], { fileProblems: files })).filter(
      (p) => p.check === "balanceMismatch",
    );
    expect(named!.text).toMatch(
      /finns redan i enheternas egna värden\. Värden med fel från Team Söder ingår\.$/,
    );
  });

  it("is silent when the level-2 figures hold, and runs range and limit rules on the level-2 ratio and sums", () => {
    const ok = rollup(u, [
      unitWith(u, "A", psykValues(22, 5, 3, 2, 24)),
      unitWith(u, "B", psykValues(18, 4, 2, 2, 20)),
    ]);
    expect(ok.levelTwoProblems).toEqual([]);
    // 62 patients on 2 PAS = 31 per PAS, above 30; and 50 with a SIP are fewer than the 62 patients.
    const crowded = rollup(u, [
      unitWith(u, "A", psykValues(30, 0, 0, 1, 30)),
      unitWith(u, "B", psykValues(32, 0, 0, 1, 20)),
    ]);
    expect(levelTwo(crowded).map((p) => [p.check, p.measure])).toEqual([
      ["ratioOutOfRange", "patienter_per_pas"],
      ["belowReference", "sip_patienter"],
    ]);
    expect(crowded.levelTwoProblems.map((p) => p.severity)).toEqual(["varning", "varning"]);
  });

  it("does not count a measure of a part a unit does not cover as lacking", () => {
    const o = oppna();
    const demens = unitWith(
      o,
      "Demenscenter",
      { personal_antal: 5, personal_demenscenter: 4 },
      { parts: ["demenscenter"] },
    );
    const anhorig = unitWith(
      o,
      "Anhörigcenter",
      { personal_antal: 3, personal_anhorigcenter: 6 },
      { parts: ["anhorigcenter"] },
    );
    const [parts] = levelTwo(rollup(o, [demens, anhorig])).filter((p) => p.check === "exceedsLimit");
    expect(parts!.text).toContain("(10) är fler än");
    expect(parts!.text).toContain("finns redan i enheternas egna värden");
  });

  it("does not run per-unit rules (case lists, continuity) on level 2", () => {
    const o = oppna();
    const demens = unitWith(
      o,
      "Demenscenter",
      { demens_utredningar: 3, demens_vantetid: list(10, 20, 30) },
      { parts: ["demenscenter"] },
    );
    expect(rollup(o, [demens]).levelTwoProblems).toEqual([]);
  });
});
