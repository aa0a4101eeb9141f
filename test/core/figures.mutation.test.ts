/**
 * Level-2 figures that mutation testing showed were not pinned down: a ratio's factor, a
 * weighted mean's weights, signed and summed terms, pooled means, negative amounts. Every
 * expected figure is worked out by hand from the inputs in the test.
 */
import { accumulate, median, mostCommon, rollup, unitKey, type Figure } from "../../src/core/rollup";
import { exactRatio, exactSum, fromMicro, toMicro } from "../../src/core/exact";
import { computeUnitRatio, figureInputs, formulaInputs, termsMicro } from "../../src/core/derive";
import type { UnitReport } from "../../src/core/model";
import { list, n, oppna, psyk, psykValues, text, unitWith, uppdragById, yes } from "./builders";

const fig = (all: Figure[], id: string) => {
  const f = all.find((x) => x.measureId === id);
  if (!f) throw new Error(`no figure for ${id}`);
  return f;
};
const lillaEdet = () => uppdragById("lilla-edet-grunduppdrag");
const onPeriod = (reports: UnitReport[]) => reports.map((r) => ({ ...r, period: "2025T1" }));

describe("ratios: factor, terms and the denominator", () => {
  const u = psyk();

  it("multiplies a percentage by its factor 100 and a per-figure by 1", () => {
    // andel_patienter_med_sip = sip_patienter / patienter_slut × 100; patienter_per_pas = patienter_slut / pas_antal × 1
    const r = rollup(u, [
      unitWith(u, "A", { sip_patienter: 30, patienter_slut: 40, pas_antal: 4 }),
      unitWith(u, "B", { sip_patienter: 15, patienter_slut: 20, pas_antal: 2 }),
    ]);
    expect(fig(r.figures, "andel_patienter_med_sip")).toMatchObject({
      value: 75,
      details: { numerator: 45, denominator: 60 },
    }); // 45 / 60 = 0,75 → 75 %
    expect(fig(r.figures, "patienter_per_pas").value).toBe(10); // 60 / 6
  });

  it("applies the factor to a unit's own ratio as well", () => {
    const { formula } = u.measures.find((m) => m.id === "andel_patienter_med_sip")!;
    expect(computeUnitRatio(formula!, { sip_patienter: n(3), patienter_slut: n(4) })).toBe(75);
    expect(computeUnitRatio(formula!, { sip_patienter: n(3) })).toBeNull();
    expect(computeUnitRatio(formula!, { sip_patienter: n(3), patienter_slut: n(0) })).toBeNull();
  });

  it("sums a denominator of several terms", () => {
    // komp_andel_privata = privata / (privata + kommunala) × 100: (3 + 1) / (3 + 9 + 1 + 7) = 4 / 20 = 20 %
    const o = oppna();
    const r = rollup(o, [
      unitWith(o, "A", { komp_deltagare_privata: 3, komp_deltagare_kommunala: 9 }),
      unitWith(o, "B", { komp_deltagare_privata: 1, komp_deltagare_kommunala: 7 }),
    ]);
    expect(fig(r.figures, "komp_andel_privata")).toMatchObject({
      value: 20,
      details: { numerator: 4, denominator: 20 },
    });
  });

  it("subtracts a term with a minus sign", () => {
    // fh_avvikelse_standardkostnad = (netto − standard) / standard × 100: (1100 + 950 − 1000 − 1000) / 2000 = 2,5 %
    const le = lillaEdet();
    const part = { parts: ["stod_funktionshinder"] };
    const r = rollup(
      le,
      onPeriod([
        unitWith(le, "A", { fh_nettokostnad: 1100, fh_standardkostnad: 1000 }, part),
        unitWith(le, "B", { fh_nettokostnad: 950, fh_standardkostnad: 1000 }, part),
      ]),
    );
    expect(fig(r.figures, "fh_avvikelse_standardkostnad")).toMatchObject({
      value: 2.5,
      details: { numerator: 50, denominator: 2000 },
    });
  });

  it("gives null with a note when the summed denominator is 0, and no note otherwise", () => {
    const zero = rollup(u, [
      unitWith(u, "A", { patienter_slut: 5, pas_antal: 0 }),
      unitWith(u, "B", { patienter_slut: 3, pas_antal: 0 }),
    ]);
    expect(fig(zero.figures, "patienter_per_pas")).toMatchObject({
      value: null,
      details: { numerator: 8, denominator: 0 },
      note: "Nämnaren är 0: kvoten kan inte beräknas.",
    });
    const fine = rollup(u, [unitWith(u, "A", { patienter_slut: 5, pas_antal: 1 })]);
    expect(fig(fine.figures, "patienter_per_pas").note).toBeUndefined();
  });
});

describe("a weighted mean is weighted by the respondents", () => {
  const le = lillaEdet();
  const part = { parts: ["stod_barn_unga_familj"] };

  it("weighs each unit's share by its number of respondents", () => {
    // 80 % of 10 and 50 % of 30: (800 + 1500) / 40 = 57,5 (the unweighted mean would be 65)
    const r = rollup(
      le,
      onPeriod([
        unitWith(le, "A", { bu_nojdhet_vardnadshavare: 80, bu_nojdhet_vardnadshavare_svarande: 10 }, part),
        unitWith(le, "B", { bu_nojdhet_vardnadshavare: 50, bu_nojdhet_vardnadshavare_svarande: 30 }, part),
      ]),
    );
    expect(fig(r.figures, "bu_nojdhet_vardnadshavare")).toMatchObject({
      value: 57.5,
      details: { weightTotal: 40 },
      contributors: ["A", "B"],
    });
  });

  it("keeps decimals of shares and weights", () => {
    // 72,5 × 4 + 60 × 1 = 350; 350 / 5 = 70
    const r = rollup(
      le,
      onPeriod([
        unitWith(le, "A", { bu_nojdhet_barn: 72.5, bu_nojdhet_barn_svarande: 4 }, part),
        unitWith(le, "B", { bu_nojdhet_barn: 60, bu_nojdhet_barn_svarande: 1 }, part),
      ]),
    );
    expect(fig(r.figures, "bu_nojdhet_barn").value).toBe(70);
  });

  it("leaves out a unit whose weight is blank, and names it as missing", () => {
    const r = rollup(
      le,
      onPeriod([
        unitWith(le, "A", { bu_nojdhet_vardnadshavare: 90, bu_nojdhet_vardnadshavare_svarande: 20 }, part),
        unitWith(le, "B", { bu_nojdhet_vardnadshavare: 10 }, part),
      ]),
    );
    expect(fig(r.figures, "bu_nojdhet_vardnadshavare")).toMatchObject({
      value: 90,
      contributors: ["A"],
      missing: ["B"],
      complete: false,
    });
  });

  it("gives null with a note when the weights sum to 0", () => {
    const r = rollup(
      le,
      onPeriod([
        unitWith(le, "A", { bu_nojdhet_vardnadshavare: 90, bu_nojdhet_vardnadshavare_svarande: 0 }, part),
      ]),
    );
    expect(fig(r.figures, "bu_nojdhet_vardnadshavare")).toMatchObject({
      value: null,
      details: { weightTotal: 0 },
      note: "Vikterna summerar till 0.",
    });
    const fine = rollup(
      le,
      onPeriod([
        unitWith(le, "A", { bu_nojdhet_vardnadshavare: 90, bu_nojdhet_vardnadshavare_svarande: 3 }, part),
      ]),
    );
    expect(fig(fine.figures, "bu_nojdhet_vardnadshavare").note).toBeUndefined();
  });

  it("needs the value and its weight from a unit", () => {
    const m = le.measures.find((x) => x.id === "bu_nojdhet_vardnadshavare")!;
    expect(figureInputs(m)).toEqual(["bu_nojdhet_vardnadshavare", "bu_nojdhet_vardnadshavare_svarande"]);
    expect(figureInputs(le.measures.find((x) => x.id === "bu_ansokningar")!)).toEqual(["bu_ansokningar"]);
    expect(
      formulaInputs({
        numerator: [
          { measure: "a", sign: 1 },
          { measure: "b", sign: -1 },
        ],
        denominator: [{ measure: "b", sign: 1 }],
        factor: 100,
      }),
    ).toEqual(["a", "b"]);
  });
});

describe("pooled cases, sums of amounts, yes/no and choices", () => {
  it("takes the mean over all cases when the statistic is the mean", () => {
    // al_sabo_vantetid: cases 10, 20 and 60 → mean 30, median 20
    const le = lillaEdet();
    const part = { parts: ["stod_aldre"] };
    const r = rollup(
      le,
      onPeriod([
        unitWith(le, "A", { al_sabo_vantetid: list(20, 10) }, part),
        unitWith(le, "B", { al_sabo_vantetid: list(60) }, part),
      ]),
    );
    expect(fig(r.figures, "al_sabo_vantetid")).toMatchObject({
      value: 30,
      details: { count: 3, mean: 30, median: 20, min: 10, max: 60 },
    });
  });

  it("takes the median of an even number of cases as the mean of the middle two", () => {
    const o = oppna();
    const part = { parts: ["demenscenter"] };
    const r = rollup(o, [
      unitWith(o, "A", { demens_vantetid: list(40, 10) }, part),
      unitWith(o, "B", { demens_vantetid: list(21, 100) }, part),
    ]);
    expect(fig(r.figures, "demens_vantetid")).toMatchObject({
      value: 30.5,
      details: { count: 4, median: 30.5, mean: 42.75, min: 10, max: 100 },
    });
    expect(
      fig(rollup(o, [unitWith(o, "A", { demens_vantetid: list() }, part)]).figures, "demens_vantetid").note,
    ).toBe("Inga ärenden under perioden.");
    expect(median([1, 2, 4])).toBe(2);
    expect(median([1, 2, 4, 10])).toBe(3);
  });

  it("sums negative amounts in tkr exactly", () => {
    const le = lillaEdet();
    const part = { parts: ["stod_funktionshinder"] };
    const r = rollup(
      le,
      onPeriod([
        unitWith(le, "A", { fh_nettokostnad: -250.5 }, part),
        unitWith(le, "B", { fh_nettokostnad: 100.25 }, part),
      ]),
    );
    expect(fig(r.figures, "fh_nettokostnad").value).toBe(-150.25);
  });

  it("counts units that said Ja and tallies every option, also one not in the list", () => {
    const o = oppna();
    const r = rollup(o, [
      unitWith(o, "A", { register_senior_alert: yes(true), kval_delaktighet_metod: text("Enkät") }),
      unitWith(o, "B", { register_senior_alert: yes(true), kval_delaktighet_metod: text("Något annat") }),
      unitWith(o, "C", { register_senior_alert: yes(false) }),
    ]);
    expect(fig(r.figures, "register_senior_alert")).toMatchObject({
      value: 2,
      details: { yes: 2, answered: 3 },
    });
    const tally = fig(r.figures, "kval_delaktighet_metod");
    expect(tally.value).toBe(2);
    expect(tally.details.tally).toMatchObject({ Enkät: 1, "Något annat": 1, Avslutssamtal: 0 });
  });

  it("gives no figure for a text, only the texts", () => {
    const o = oppna();
    const f = fig(
      rollup(o, [unitWith(o, "A", { kval_samverkan_analys: text("Bra") })]).figures,
      "kval_samverkan_analys",
    );
    expect(f.value).toBeNull();
    expect(f.details).toEqual({ texts: [{ unit: "A", text: "Bra" }] });
  });
});

describe("exact arithmetic", () => {
  it("keeps signs and decimals through micro-units", () => {
    expect(toMicro(-1.5)).toBe(-1_500_000n);
    expect(toMicro(0.000001)).toBe(1n);
    expect(fromMicro(-1_590_000n)).toBe(-1.59);
    expect(fromMicro(1_000_001n)).toBe(1.000001);
    expect(exactSum([-0.1, -0.2])).toBe(-0.3);
    expect(exactSum([0.1, 0.2, 0.3])).toBe(0.6);
    expect(exactRatio(1n, 4n, 100)).toBe(25);
    expect(exactRatio(1n, 0n, 100)).toBeNull();
  });

  it("sums signed terms and gives up on a missing one", () => {
    const terms = [
      { measure: "a", sign: 1 as const },
      { measure: "b", sign: -1 as const },
    ];
    expect(termsMicro(terms, { a: n(5), b: n(2) })).toBe(3_000_000n);
    expect(termsMicro(terms, { a: n(5) })).toBeUndefined();
    expect(termsMicro(terms, { a: n(5), b: { kind: "missing" } })).toBeUndefined();
  });
});

describe("who is asked, who contributed, who is missing", () => {
  const u = psyk();

  it("sorts missing units, reporting and absent, by Swedish name", () => {
    const r = rollup(
      u,
      [unitWith(u, "Öst", {}), unitWith(u, "Ängen", { patienter_nya: 1 }), unitWith(u, "Berga", {})],
      { expectedUnits: [{ unit: "Öst" }, { unit: "Ängen" }, { unit: "Berga" }, { unit: "Adolfsberg" }] },
    );
    expect(fig(r.figures, "patienter_nya")).toMatchObject({
      value: 1,
      contributors: ["Ängen"],
      missing: ["Adolfsberg", "Berga", "Öst"],
      complete: false,
    });
  });

  it("asks an absent unit only for the measures of its parts", () => {
    const o = oppna();
    const r = rollup(o, [unitWith(o, "Demens", { demens_utredningar: 2 }, { parts: ["demenscenter"] })], {
      expectedUnits: [
        { unit: "Demens", parts: ["demenscenter"] },
        { unit: "Anhörig", parts: ["anhorigcenter"] },
      ],
    });
    expect(fig(r.figures, "demens_utredningar")).toMatchObject({ value: 2, missing: [], complete: true });
    expect(fig(r.figures, "brukare_anhorigcenter")).toMatchObject({
      value: null,
      missing: ["Anhörig"],
      complete: false,
    });
  });

  it("warns about a unit that is not in the list of expected units", () => {
    const r = rollup(u, [unitWith(u, "Team Norr", {}), unitWith(u, "Team X", {}, { file: "x.xlsx" })], {
      expectedUnits: [{ unit: " team  NORR " }],
    });
    expect(r.absentUnits).toEqual([]);
    expect(r.problems).toEqual([
      {
        code: "unitNotExpected",
        severity: "varning",
        location: { file: "x.xlsx" },
        params: { unit: "Team X", file: "x.xlsx" },
      },
    ]);
    expect(rollup(u, [unitWith(u, "Team X", {})]).problems).toEqual([]);
  });

  it("rolls up the period asked for, else the most common one", () => {
    const reports = [
      unitWith(u, "A", { patienter_nya: 1 }),
      unitWith(u, "B", { patienter_nya: 2 }),
      unitWith(u, "C", { patienter_nya: 7 }, { period: "2024H2" }),
    ];
    expect(rollup(u, reports)).toMatchObject({
      period: "2025H1",
      used: [expect.objectContaining({ unit: "A" }), expect.objectContaining({ unit: "B" })],
    });
    const asked = rollup(u, reports, { period: "2024H2" });
    expect(asked.period).toBe("2024H2");
    expect(fig(asked.figures, "patienter_nya").value).toBe(7);
    expect(asked.rejected.map((x) => x.problem)).toEqual([
      {
        code: "otherPeriod",
        severity: "fel",
        location: { file: "A.xlsx" },
        params: { file: "A.xlsx", unit: "A", found: "2025H1", expected: "2024H2" },
      },
      {
        code: "otherPeriod",
        severity: "fel",
        location: { file: "B.xlsx" },
        params: { file: "B.xlsx", unit: "B", found: "2025H1", expected: "2024H2" },
      },
    ]);
  });

  it("says what was found and expected when it rejects another uppdrag or version", () => {
    const r = rollup(u, [
      unitWith(u, "A", {}, { uppdragId: "annat" }),
      unitWith(u, "B", {}, { templateVersion: "2020.1" }),
    ]);
    expect(r.rejected.map((x) => x.problem.params)).toEqual([
      { file: "A.xlsx", unit: "A", found: "annat", expected: u.id },
      { file: "B.xlsx", unit: "B", found: "2020.1", expected: u.version },
    ]);
    expect(r.used).toEqual([]);
  });

  it("picks the most common value, ties by sort order", () => {
    expect(mostCommon(["b", "a", "b"])).toBe("b");
    expect(mostCommon(["b", "a"])).toBe("a");
    expect(mostCommon([])).toBe("");
    expect(unitKey("  Team\u00a0 Norr ")).toBe("team norr");
  });
});

describe("accumulations refuse to mix", () => {
  const u = psyk();

  it("refuses another period, uppdrag or version and a duplicate unit", () => {
    const a = unitWith(u, "A", psykValues(1, 1, 1, 1, 1));
    expect(() => accumulate([a, { ...a, unit: "B", period: "2024H2" }])).toThrow("2024H2");
    expect(() => accumulate([a, { ...a, unit: "B", uppdragId: "x" }])).toThrow(`: x ${u.version}`);
    expect(() => accumulate([a, { ...a, unit: "B", templateVersion: "x" }])).toThrow(` x ${a.period}`);
    expect(() => accumulate([a, a])).toThrow("dubblett: A");
  });
});
