/**
 * A measure's own checks at their limits (warnBelow, warnAbove, min, max, whole numbers) and
 * what each problem says: code, severity, cell and the Swedish message.
 */
import { validateReport } from "../../src/core/validate";
import { formatProblem, problemText } from "../../src/core/messages/sv";
import type { Measure, MeasureChecks, Problem, Uppdrag, Value } from "../../src/core/model";
import { n, psyk, psykValues, text, unitWith } from "./builders";

const CELL = { file: "norr.xlsx", sheet: "Verksamhetsmått", cell: "C9" };

/** psykiatrisk hemsjukvård with one measure's type and checks replaced. */
function withMeasure(
  id: string,
  change: Omit<Partial<Measure>, "checks"> & { checks?: Partial<MeasureChecks> },
): Uppdrag {
  const u = psyk();
  return {
    ...u,
    measures: u.measures.map((m) =>
      m.id === id ? { ...m, ...change, checks: { ...m.checks, ...change.checks } } : m,
    ),
  };
}

/** Problems with one measure after giving it `value` (the rest a consistent report). */
function problemsOf(u: Uppdrag, id: string, value: Value | number): Problem[] {
  const report = unitWith(
    u,
    "Team Norr",
    { ...psykValues(70, 10, 5, 5, 75), [id]: value },
    { locations: { [id]: CELL } },
  );
  return validateReport(u, report).filter((p) => p.measureId === id);
}

describe("warnBelow", () => {
  const u = withMeasure("arsarbetare", { checks: { warnBelow: 1 } });

  it("warns below the limit, naming the cell, value, limit and unit", () => {
    const [p, ...rest] = problemsOf(u, "arsarbetare", 0.5);
    expect(rest).toEqual([]);
    expect(p).toEqual({
      code: "unusuallyLow",
      severity: "varning",
      measureId: "arsarbetare",
      location: CELL,
      params: {
        measure: u.measures.find((m) => m.id === "arsarbetare")!.label,
        value: 0.5,
        limit: 1,
        unit: "årsarbetare",
      },
    });
    expect(formatProblem(p!, "Årsarbetare")).toBe(
      "Varning: norr.xlsx, blad Verksamhetsmått, cell C9 (Årsarbetare): 0,5 årsarbetare är ovanligt lågt (under 1). Kontrollera att värdet stämmer.",
    );
  });

  it("is quiet at the limit and above", () => {
    expect(problemsOf(u, "arsarbetare", 1)).toEqual([]);
    expect(problemsOf(u, "arsarbetare", 30)).toEqual([]);
  });
});

describe("warnAbove, min and max at their limits", () => {
  it("warns only above warnAbove", () => {
    const u = withMeasure("arsarbetare", { checks: { warnAbove: 10 } });
    expect(problemsOf(u, "arsarbetare", 10)).toEqual([]);
    const [p] = problemsOf(u, "arsarbetare", 10.5);
    expect(p).toMatchObject({
      code: "unusuallyHigh",
      severity: "varning",
      location: CELL,
      params: { value: 10.5, limit: 10, unit: "årsarbetare" },
    });
    expect(problemText(p!)).toBe(
      "10,5 årsarbetare är ovanligt högt (över 10). Kontrollera att värdet stämmer.",
    );
  });

  it("gives an error above max, and no warning on top", () => {
    const u = withMeasure("arsarbetare", { checks: { max: 20, warnAbove: 10 } });
    expect(problemsOf(u, "arsarbetare", 20).map((p) => p.code)).toEqual(["unusuallyHigh"]);
    const problems = problemsOf(u, "arsarbetare", 21);
    expect(problems).toEqual([
      expect.objectContaining({
        code: "aboveMax",
        severity: "fel",
        params: expect.objectContaining({ value: 21, max: 20, unit: "årsarbetare" }),
      }),
    ]);
    expect(problemText(problems[0]!)).toBe("21 är större än det högsta tillåtna värdet 20 årsarbetare.");
  });

  it("gives an error below a min other than 0", () => {
    const u = withMeasure("arsarbetare", { checks: { min: 2 } });
    expect(problemsOf(u, "arsarbetare", 2)).toEqual([]);
    const problems = problemsOf(u, "arsarbetare", 1.5);
    expect(problems).toEqual([
      expect.objectContaining({
        code: "belowMin",
        severity: "fel",
        params: expect.objectContaining({ value: 1.5, min: 2 }),
      }),
    ]);
    expect(problemText(problems[0]!)).toBe("1,5 är mindre än det lägsta tillåtna värdet 2 årsarbetare.");
  });

  it("calls a value below 0 negative, allows 0, and lets an amount in tkr be negative", () => {
    const u = psyk();
    expect(problemsOf(u, "arsarbetare", 0)).toEqual([]);
    const [p] = problemsOf(u, "arsarbetare", -0.5);
    expect(p).toMatchObject({ code: "negative", severity: "fel", params: { value: -0.5, min: 0 } });
    expect(problemText(p!)).toBe("-0,5 är negativt. Värdet kan inte vara mindre än 0.");
    const tkr = withMeasure("arsarbetare", { type: "tkr", checks: {} });
    expect(problemsOf(tkr, "arsarbetare", -120)).toEqual([]);
  });
});

describe("whole numbers and required answers", () => {
  it("wants whole numbers for counts and days, not for decimals", () => {
    const u = psyk();
    const [p] = problemsOf(u, "patienter_nya", 2.5);
    expect(p).toMatchObject({
      code: "notWholeNumber",
      severity: "fel",
      location: CELL,
      params: { value: 2.5 },
    });
    expect(problemText(p!)).toBe("2,5 är inte ett heltal. Antal ska anges i hela tal.");
    expect(
      problemsOf(withMeasure("patienter_nya", { type: "days" }), "patienter_nya", 2.5).map((x) => x.code),
    ).toContain("notWholeNumber");
    expect(problemsOf(u, "arsarbetare", 2.5)).toEqual([]);
  });

  it("checks every case of a list of days", () => {
    const u = withMeasure("patienter_nya", { type: "daysList", checks: { warnAbove: 30 } });
    const problems = problemsOf(u, "patienter_nya", { kind: "list", values: [3, 31, 4.5, -1] });
    expect(problems.map((p) => [p.code, (p.params as { value?: number }).value])).toEqual([
      ["unusuallyHigh", 31],
      ["notWholeNumber", 4.5],
      ["negative", -1],
    ]);
  });

  it("says a required number or answer is missing, and nothing when it is not required", () => {
    const u = psyk();
    const [p] = problemsOf(u, "patienter_nya", { kind: "missing" });
    expect(p).toMatchObject({ code: "required", severity: "fel", location: CELL });
    expect(problemText(p!)).toBe("Värde saknas. Fyll i (skriv 0 om inget har hänt under perioden).");
    const answer = withMeasure("patienter_nya", { type: "text", aggregate: "text" });
    expect(problemsOf(answer, "patienter_nya", { kind: "missing" }).map((x) => x.code)).toEqual([
      "requiredAnswer",
    ]);
    expect(problemsOf(answer, "patienter_nya", text("")).map((x) => x.code)).toEqual(["requiredAnswer"]);
    expect(problemsOf(answer, "patienter_nya", text("Bra"))).toEqual([]);
    const optional = withMeasure("patienter_nya", { checks: { required: false } });
    expect(problemsOf(optional, "patienter_nya", { kind: "missing" })).toEqual([]);
    const optionalText = withMeasure("patienter_nya", {
      type: "text",
      aggregate: "text",
      checks: { required: false },
    });
    expect(problemsOf(optionalText, "patienter_nya", text(""))).toEqual([]);
  });

  it("does not add 'saknas' to an entry that could not be read", () => {
    expect(problemsOf(psyk(), "patienter_nya", { kind: "missing", invalid: true })).toEqual([]);
  });

  it("checks nothing on a yes/no answer but that it is there", () => {
    const u = withMeasure("patienter_nya", {
      type: "yesNo",
      aggregate: "yesCount",
      checks: { warnBelow: 1 },
    });
    expect(problemsOf(u, "patienter_nya", { kind: "yesNo", value: false })).toEqual([]);
    expect(problemsOf(u, "patienter_nya", n(0)).map((x) => x.code)).toEqual(["unusuallyLow"]);
  });
});
