import { validateReport } from "../../src/core/validate";
import { interpretReport } from "../../src/core/interpret";
import { formatProblem } from "../../src/core/messages/sv";
import { list, oppna, psyk, psykValues, unitWith } from "./builders";

const codes = (problems: { code: string }[]) => problems.map((p) => p.code).sort();
/** Only the problems of the verksamhetsmått (the Linköping fragment's required fields are left blank in these tests). */
const psykOnly = <P extends { measureId?: string; code: string }>(problems: P[]) =>
  problems.filter(
    (p) => p.measureId && psyk().measures.find((m) => m.id === p.measureId)?.section === "verksamhetsmatt",
  );

describe("validating psykiatrisk hemsjukvård", () => {
  it("accepts a consistent report", () => {
    const report = unitWith(psyk(), "Team Norr", psykValues(70, 10, 5, 5, 75));
    expect(psykOnly(validateReport(psyk(), report))).toEqual([]);
  });

  it("finds a flow that does not balance and names the cell", () => {
    const values = { ...psykValues(70, 10, 5, 5, 75), patienter_slut: 74 };
    const report = unitWith(psyk(), "Team Norr", values, {
      locations: { patienter_slut: { file: "norr.xlsx", sheet: "Verksamhetsmått", cell: "C8" } },
    });
    const problems = psykOnly(validateReport(psyk(), report));
    expect(problems).toHaveLength(2); // balance, and SIP (75) > patienter (74)
    const balance = problems.find((p) => p.code === "balanceMismatch")!;
    expect(balance).toMatchObject({
      severity: "fel",
      measureId: "patienter_slut",
      params: { expected: 75, actual: 74 },
    });
    expect(formatProblem(balance, "Antal patienter vid periodens slut")).toBe(
      "Fel: norr.xlsx, blad Verksamhetsmått, cell C8 (Antal patienter vid periodens slut): Flödet går inte ihop: Antal patienter vid periodens början + Nya patienter under perioden − Avslutade patienter under perioden = 75, men Antal patienter vid periodens slut är 74.",
    );
  });

  it("finds more closed than there were patients", () => {
    const report = unitWith(psyk(), "X", {
      patienter_start: 3,
      patienter_nya: 1,
      patienter_avslutade: 6,
      patienter_slut: -2,
    });
    expect(codes(psykOnly(validateReport(psyk(), report)))).toEqual(
      expect.arrayContaining(["exceedsLimit", "negative"]),
    );
  });

  it("requires PAS when there are patients", () => {
    const report = unitWith(psyk(), "X", psykValues(10, 0, 0, 0, 10));
    expect(codes(psykOnly(validateReport(psyk(), report)))).toEqual(["requiresPositive"]);
  });

  it("warns when patients per PAS is far outside the usual range", () => {
    const report = unitWith(psyk(), "X", psykValues(70, 0, 0, 1, 70));
    const p = psykOnly(validateReport(psyk(), report));
    expect(p).toEqual([
      expect.objectContaining({
        code: "ratioOutOfRange",
        severity: "varning",
        measureId: "patienter_per_pas",
      }),
    ]);
  });

  it("warns when fewer patients have a SIP than there are patients", () => {
    const report = unitWith(psyk(), "X", psykValues(70, 0, 0, 5, 60));
    expect(psykOnly(validateReport(psyk(), report))).toEqual([
      expect.objectContaining({ code: "belowReference", severity: "varning", measureId: "sip_patienter" }),
    ]);
  });

  it("rejects decimals in counts and negative numbers", () => {
    const report = unitWith(psyk(), "X", {
      ...psykValues(70, 0, 0, 5, 70),
      patienter_nya: 2.5,
      arsarbetare: -1,
    });
    expect(codes(psykOnly(validateReport(psyk(), report)))).toEqual(
      expect.arrayContaining(["notWholeNumber", "negative"]),
    );
  });

  it("reports a required blank as missing, and judges no rule on it", () => {
    const values: Record<string, number> = psykValues(70, 10, 5, 5, 75);
    delete values.patienter_nya;
    const problems = psykOnly(validateReport(psyk(), unitWith(psyk(), "X", values)));
    expect(codes(problems)).toEqual(["required"]);
  });

  it("checks continuity with the previous period's workbook", () => {
    const previous = unitWith(psyk(), "X", psykValues(60, 10, 2, 5, 68), {
      period: "2024H2",
      file: "x-2024H2.xlsx",
    });
    const ok = unitWith(psyk(), "X", psykValues(68, 5, 3, 5, 70));
    expect(psykOnly(validateReport(psyk(), ok, previous))).toEqual([]);
    const off = unitWith(psyk(), "X", psykValues(65, 5, 3, 5, 67));
    const problems = validateReport(psyk(), off, previous);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: "continuityMismatch",
          measureId: "patienter_start",
          params: expect.objectContaining({ value: 65, previousValue: 68 }),
        }),
      ]),
    );
  });

  it('compares units as the pairing does: last period\'s "team norr" is Team Norr, and continuity is checked', () => {
    const previous = unitWith(psyk(), " team  norr", psykValues(60, 10, 2, 5, 68), {
      period: "2024H2",
      file: "norr-2024H2.xlsx",
    });
    const problems = validateReport(
      psyk(),
      unitWith(psyk(), "Team Norr", psykValues(65, 5, 3, 5, 67)),
      previous,
    );
    expect(
      codes(problems.filter((p) => p.code.startsWith("previous") || p.code === "continuityMismatch")),
    ).toEqual(["continuityMismatch"]);
  });

  it("warns when the previous workbook is not the period just before", () => {
    const previous = unitWith(psyk(), "X", psykValues(60, 10, 2, 5, 68), { period: "2024H1" });
    const problems = validateReport(psyk(), unitWith(psyk(), "X", psykValues(68, 5, 3, 5, 70)), previous);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: "previousNotAdjacent",
          params: expect.objectContaining({ expected: "2024H2" }),
        }),
      ]),
    );
  });
});

describe("validating Öppna verksamheter", () => {
  it("asks a Demenscenter workbook for one wait time per investigation", () => {
    const u = oppna();
    const report = unitWith(
      u,
      "Demenscenter",
      { demens_utredningar: 3, demens_vantetid: list(10, 40) },
      { parts: ["demenscenter"] },
    );
    const problems = validateReport(u, report);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: "listCountMismatch",
          params: expect.objectContaining({ entered: 2, countValue: 3 }),
        }),
      ]),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: "unusuallyHigh",
          severity: "varning",
          measureId: "demens_vantetid",
          params: expect.objectContaining({ value: 40 }),
        }),
      ]),
    );
  });

  it("does not ask Anhörigcenter's workbook about dementia investigations", () => {
    const u = oppna();
    const problems = validateReport(u, unitWith(u, "Anhörigcenter", {}, { parts: ["anhorigcenter"] }));
    expect(
      problems.filter((p) => p.measureId?.startsWith("demens_") || p.measureId === "brukare_demenscenter"),
    ).toEqual([]);
    expect(problems.some((p) => p.measureId === "brukare_anhorigcenter" && p.code === "required")).toBe(true);
  });

  it("treats a blank wait-time list as empty when there were no investigations", () => {
    const u = oppna();
    const { report } = interpretReport(u, {
      uppdragId: u.id,
      templateVersion: u.version,
      unit: "Demenscenter",
      period: "2025H1",
      parts: ["demenscenter"],
      file: "d.xlsx",
      cells: { demens_utredningar: 0, demens_vantetid: [null, null] },
      locations: {},
    });
    expect(report.values.demens_vantetid).toEqual({ kind: "list", values: [] });
    expect(validateReport(u, report).filter((p) => p.measureId === "demens_vantetid")).toEqual([]);
  });

  it("lets a partial breakdown of staff per part not exceed the total", () => {
    const u = oppna();
    const report = unitWith(u, "Leanlink", {
      personal_antal: 10,
      personal_anhorigcenter: 6,
      personal_demenscenter: 6,
    });
    expect(validateReport(u, report)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: "exceedsLimit",
          params: expect.objectContaining({ value: 12, limit: 10 }),
        }),
      ]),
    );
  });
});
