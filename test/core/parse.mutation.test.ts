/**
 * Reading what people type, at the edges mutation testing found open: signs and dashes,
 * thousands separators, suffixes per value type, cell types that are not text, lists of days,
 * and a workbook's raw cells turned into a report with the cell named on every problem.
 */
import { parseMeasureInput, parseSwedishNumber, roundMicro } from "../../src/core/parse";
import { interpretReport, type RawReport } from "../../src/core/interpret";
import type { Measure, RawCell } from "../../src/core/model";
import { oppna, psyk } from "./builders";

const INVALID = { kind: "missing", invalid: true };
const byId = (id: string, from = psyk()): Measure => {
  const m = from.measures.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id}`);
  return m;
};
/** A measure of the given type (the checks do not matter to parsing). */
const ofType = (type: Measure["type"], options?: string[]): Measure => ({
  ...byId("patienter_nya"),
  type,
  ...(options ? { options } : {}),
});
const read = (m: Measure, raw: RawCell | RawCell[]) => parseMeasureInput(m, raw);

describe("Swedish numbers at the edges", () => {
  it.each([
    ["+5", 5],
    ["–3", -3], // en dash
    ["-0,5", -0.5],
    ["12,345", 12.345], // a comma is always a decimal comma
    ["1.2345", 1.2345],
    ["12345.678", 12345.678],
    [".5", 0.5],
    ["1 234 567", 1234567],
    ["0,1234567", 0.123457],
  ])("%j is %d", (input, expected) => {
    expect(parseSwedishNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each(["-1.234", "1.234.567", "+12.000"])("%j is ambiguous", (input) => {
    expect(parseSwedishNumber(input)).toEqual({ ok: false, reason: "ambiguousDot" });
  });

  it.each(["5.", "1.234,5", "1,234,5", "12 345,6,7", "st", "%"])("%j is not a number", (input) => {
    expect(parseSwedishNumber(input, ["st", "%"])).toEqual({ ok: false, reason: "notANumber" });
  });

  it("strips a suffix in any case, glued or spaced, and notes a percent sign", () => {
    expect(parseSwedishNumber("12ST", ["st"])).toEqual({ ok: true, value: 12 });
    expect(parseSwedishNumber("45 procent", ["%", "procent"])).toEqual({ ok: true, value: 45 });
    expect(parseSwedishNumber("45", ["%"])).toEqual({ ok: true, value: 45 });
    expect(parseSwedishNumber("12 st", [])).toEqual({ ok: false, reason: "notANumber" });
    expect(parseSwedishNumber("3 tim.", ["tim", "tim."])).toMatchObject({ ok: true, value: 3 });
  });

  it("rounds to six decimals", () => {
    expect(roundMicro(1.23456789)).toBe(1.234568);
    expect(roundMicro(-2.0000004)).toBe(-2);
  });
});

describe("suffixes each value type accepts", () => {
  it.each([
    ["count", "12 personer", 12],
    ["count", "3 ärenden", 3],
    ["decimal", "2,5 åa", 2.5],
    ["decimal", "7,5 timmar", 7.5],
    ["tkr", "-150 tkr", -150],
    ["percent", "45 %", 45],
    ["days", "14 dgr", 14],
  ] as const)("%s reads %j", (type, input, expected) => {
    expect(read(ofType(type), input)).toEqual({ value: { kind: "number", value: expected }, problems: [] });
  });

  it("refuses a suffix of another type, naming what was typed", () => {
    expect(read(ofType("count"), " 12 dagar ")).toEqual({
      value: INVALID,
      problems: [
        { code: "notANumber", severity: "fel", measureId: "patienter_nya", params: { input: "12 dagar" } },
      ],
    });
    expect(read(ofType("count"), "1.234").problems).toEqual([
      { code: "ambiguousDot", severity: "fel", measureId: "patienter_nya", params: { input: "1.234" } },
    ]);
  });
});

describe("cells that are not text", () => {
  it("takes numbers as they are, rounded, and refuses NaN and infinity", () => {
    expect(read(ofType("decimal"), 1.23456789).value).toEqual({ kind: "number", value: 1.234568 });
    expect(read(ofType("count"), Number.NaN)).toEqual({
      value: INVALID,
      problems: [expect.objectContaining({ code: "notANumber", params: { input: "NaN" } })],
    });
    expect(read(ofType("count"), Number.POSITIVE_INFINITY).problems[0]).toMatchObject({
      code: "notANumber",
      params: { input: "Infinity" },
    });
  });

  it("calls SANT/FALSKT in a number cell not a number, and shows a date as a date", () => {
    expect(read(ofType("count"), true)).toEqual({
      value: INVALID,
      problems: [expect.objectContaining({ code: "notANumber", params: { input: "SANT" } })],
    });
    expect(read(ofType("count"), false).problems[0]).toMatchObject({ params: { input: "FALSKT" } });
    expect(read(ofType("count"), new Date("2025-03-01T00:00:00Z"))).toEqual({
      value: INVALID,
      problems: [expect.objectContaining({ code: "dateNotNumber", params: { input: "2025-03-01" } })],
    });
  });

  it("names an error value wherever it is among the cells", () => {
    // The problem is tied to the second cell (index 1), so its message can name that cell.
    expect(read(ofType("daysList"), [12, { error: "#N/A" }])).toEqual({
      value: INVALID,
      problems: [
        { code: "errorValue", severity: "fel", measureId: "patienter_nya", params: { input: "#N/A" } },
      ],
      cellOf: { values: [], problems: [1] },
    });
  });

  it("takes the first cell that is not blank", () => {
    expect(read(ofType("count"), [null, " ", "7"]).value).toEqual({ kind: "number", value: 7 });
  });
});

describe("answers, choices and texts", () => {
  it.each([
    [true, true],
    [false, false],
    ["x", true],
    ["J", true],
    ["sant", true],
    [" Ja ", true],
    ["N", false],
    ["Falskt", false],
    ["no", false],
  ] as const)("reads %j as %s", (input, expected) => {
    expect(read(ofType("yesNo"), input)).toEqual({ value: { kind: "yesNo", value: expected }, problems: [] });
  });

  it("refuses other answers, showing what was typed", () => {
    expect(read(ofType("yesNo"), 1)).toEqual({
      value: INVALID,
      problems: [{ code: "notYesNo", severity: "fel", measureId: "patienter_nya", params: { input: "1" } }],
    });
    expect(read(ofType("yesNo"), new Date("2025-01-02T00:00:00Z")).problems[0]).toMatchObject({
      params: { input: "2025-01-02" },
    });
  });

  it("matches a choice trimmed and in any case, and lists the options when it does not", () => {
    const m = ofType("choice", ["Enkät", "Samtal"]);
    expect(read(m, " SAMTAL ").value).toEqual({ kind: "text", value: "Samtal" });
    expect(read(m, " Brev ")).toEqual({
      value: INVALID,
      problems: [
        {
          code: "notAnOption",
          severity: "fel",
          measureId: "patienter_nya",
          params: { input: "Brev", options: "Enkät, Samtal" },
        },
      ],
    });
  });

  it("keeps a text trimmed, a number as text, and ignores whatever a ratio cell holds", () => {
    expect(read(ofType("text"), "  Bra samverkan \n").value).toEqual({
      kind: "text",
      value: "Bra samverkan",
    });
    expect(read(ofType("text"), 12).value).toEqual({ kind: "text", value: "12" });
    expect(read(ofType("ratio"), 12)).toEqual({ value: { kind: "missing" }, problems: [] });
  });
});

describe("lists of days", () => {
  const m = ofType("daysList");

  it("splits one cell on semicolons, tabs and line breaks, skipping empty pieces", () => {
    expect(read(m, "12\t30;;45\r\n7").value).toEqual({ kind: "list", values: [12, 30, 45, 7] });
    expect(read(m, 9).value).toEqual({ kind: "list", values: [9] });
  });

  it("keeps the readable cases and names each unreadable one", () => {
    const out = read(m, ["12; x", "y"]);
    expect(out.value).toEqual({ kind: "list", values: [12] });
    expect(out.problems.map((p) => (p.params as { input?: string }).input)).toEqual(["x", "y"]);
  });

  it("is unreadable, not missing, when nothing in it could be read", () => {
    const out = read(m, ["x"]);
    expect(out.value).toEqual(INVALID);
    expect(out.problems).toHaveLength(1);
  });
});

describe("a workbook's cells become a report", () => {
  const o = oppna();
  const raw = (cells: RawReport["cells"], parts?: string[]): RawReport => ({
    uppdragId: o.id,
    templateVersion: o.version,
    unit: "Demenscenter",
    period: "2025H1",
    file: "d.xlsx",
    ...(parts ? { parts } : {}),
    cells,
    locations: { demens_utredningar: { file: "d.xlsx", sheet: "Demenscenter", cell: "C5" } },
  });

  it("names the cell on every problem and keeps everything but the cells", () => {
    const { report, problems } = interpretReport(
      o,
      raw({ demens_utredningar: "tre", brukare_demenscenter: "x" }, ["demenscenter"]),
    );
    expect(problems).toEqual([
      { code: "notANumber", severity: "fel", measureId: "brukare_demenscenter", params: { input: "x" } },
      {
        code: "notANumber",
        severity: "fel",
        measureId: "demens_utredningar",
        location: { file: "d.xlsx", sheet: "Demenscenter", cell: "C5" },
        params: { input: "tre" },
      },
    ]);
    expect(report).toMatchObject({
      uppdragId: o.id,
      unit: "Demenscenter",
      period: "2025H1",
      file: "d.xlsx",
      parts: ["demenscenter"],
      locations: raw({}).locations,
    });
    expect("cells" in report).toBe(false);
  });

  it("reads only the measures of the workbook's parts, and no ratio", () => {
    const { report } = interpretReport(o, raw({ demens_utredningar: 2 }, ["demenscenter"]));
    expect(report.values.demens_utredningar).toEqual({ kind: "number", value: 2 });
    expect(report.values.brukare_anhorigcenter).toBeUndefined();
    expect(report.values.komp_andel_privata).toBeUndefined();
    expect(interpretReport(o, raw({})).report.values.brukare_anhorigcenter).toEqual({ kind: "missing" });
  });

  it("makes a blank list of days empty only when the count says there were none", () => {
    const values = (cells: RawReport["cells"]) =>
      interpretReport(o, raw(cells, ["demenscenter"])).report.values.demens_vantetid;
    expect(values({ demens_utredningar: 0, demens_vantetid: [null] })).toEqual({ kind: "list", values: [] });
    expect(values({ demens_utredningar: 2, demens_vantetid: [null] })).toEqual({ kind: "missing" });
    expect(values({ demens_vantetid: [null] })).toEqual({ kind: "missing" });
    // Something unreadable typed in the list stays unreadable, even when the count is 0.
    expect(values({ demens_utredningar: 0, demens_vantetid: ["x"] })).toEqual({
      kind: "missing",
      invalid: true,
    });
  });
});
