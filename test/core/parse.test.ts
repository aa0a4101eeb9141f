import { parseMeasureInput, parseSwedishNumber } from "../../src/core/parse";
import type { Measure } from "../../src/core/model";
import { psyk, oppna } from "./builders";

const measure = (id: string, from = psyk()): Measure => from.measures.find((m) => m.id === id)!;

describe("reading Swedish numbers", () => {
  it.each([
    ["12", 12],
    ["1 234", 1234],
    ["1\u00a0234,5", 1234.5],
    ["1\u202f234", 1234],
    ["3,75", 3.75],
    ["3.75", 3.75],
    [" 12 ", 12],
    ["−3", -3],
    [",5", 0.5],
  ])("%j is %d", (input, expected) => {
    expect(parseSwedishNumber(input)).toEqual({ ok: true, value: expected });
  });

  it("strips a unit the measure allows: 12 st, 45 %, 14 dagar", () => {
    expect(parseSwedishNumber("12 st", ["st"])).toMatchObject({ ok: true, value: 12 });
    expect(parseSwedishNumber("45 %", ["%"])).toMatchObject({ ok: true, value: 45 });
    expect(parseSwedishNumber("45%", ["%"])).toMatchObject({ ok: true, value: 45 });
    expect(parseSwedishNumber("14 dagar", ["dagar"])).toMatchObject({ ok: true, value: 14 });
  });

  it.each(["tolv", "12 äpplen", "1,2,3", "12-14", "", "1e5", "NaN", "Infinity", "--3"])(
    "%j is not a number",
    (input) => {
      expect(parseSwedishNumber(input)).toEqual({ ok: false, reason: "notANumber" });
    },
  );

  it("refuses 1.234, where the dot may be a thousands separator", () => {
    expect(parseSwedishNumber("1.234")).toEqual({ ok: false, reason: "ambiguousDot" });
  });
});

describe("interpreting a measure's cell", () => {
  it("keeps a blank as missing, never 0", () => {
    for (const blank of [null, undefined, "", "   ", "\u00a0"]) {
      expect(parseMeasureInput(measure("patienter_nya"), blank)).toEqual({
        value: { kind: "missing" },
        problems: [],
      });
    }
  });

  it("reads numbers typed as text with a decimal comma", () => {
    expect(parseMeasureInput(measure("arsarbetare"), "6,75 åa").value).toEqual({
      kind: "number",
      value: 6.75,
    });
  });

  it("turns text that is not a number into a problem naming the input, not 0", () => {
    const out = parseMeasureInput(measure("patienter_nya"), "ca 12");
    expect(out.value).toEqual({ kind: "missing", invalid: true });
    expect(out.problems).toEqual([
      { code: "notANumber", severity: "fel", measureId: "patienter_nya", params: { input: "ca 12" } },
    ]);
  });

  // Found by the fuzzer (test/fuzz): a cell's text is quoted back in the message, escape sequences and all.
  it("quotes the input with control characters and bidi overrides shown as \\uXXXX, and a long one cut", () => {
    const inputOf = (out: ReturnType<typeof parseMeasureInput>) =>
      (out.problems[0]?.params as { input?: string } | undefined)?.input;
    expect(inputOf(parseMeasureInput(measure("patienter_nya"), "\u001b[2J\u0007tolv\u0000"))).toBe(
      "\\u001b[2J\\u0007tolv\\u0000",
    );
    expect(inputOf(parseMeasureInput(measure("kval_delaktighet_metod"), "\u202eA tehnE"))).toBe(
      "\\u202eA tehnE",
    );
    const long = inputOf(parseMeasureInput(measure("patienter_nya"), "x".repeat(40_000)));
    expect(long).toBe(`${"x".repeat(100)}… (40 000 tecken)`);
  });

  it("reports error values such as #DIV/0!", () => {
    const out = parseMeasureInput(measure("patienter_nya"), { error: "#DIV/0!" });
    expect(out.problems[0]).toMatchObject({ code: "errorValue", params: { input: "#DIV/0!" } });
  });

  it("reports a date where a number belongs", () => {
    expect(parseMeasureInput(measure("patienter_nya"), new Date("2025-03-01")).problems[0]?.code).toBe(
      "dateNotNumber",
    );
  });

  it("reads Ja/Nej in any case and rejects other answers", () => {
    const m = measure("register_senior_alert");
    expect(parseMeasureInput(m, "JA").value).toEqual({ kind: "yesNo", value: true });
    expect(parseMeasureInput(m, "nej").value).toEqual({ kind: "yesNo", value: false });
    expect(parseMeasureInput(m, "kanske").problems[0]?.code).toBe("notYesNo");
  });

  it("matches a choice regardless of case and rejects an unknown one", () => {
    const m = measure("kval_delaktighet_metod");
    expect(parseMeasureInput(m, "enkät").value).toEqual({ kind: "text", value: "Enkät" });
    expect(parseMeasureInput(m, "Telefon").problems[0]?.code).toBe("notAnOption");
  });

  it("reads a list of wait times from case cells or from one cell separated by semicolons", () => {
    const m = measure("demens_vantetid", oppna());
    expect(parseMeasureInput(m, [12, "30", null, "45 dagar"]).value).toEqual({
      kind: "list",
      values: [12, 30, 45],
    });
    expect(parseMeasureInput(m, ["12; 30\n45"]).value).toEqual({ kind: "list", values: [12, 30, 45] });
    expect(parseMeasureInput(m, [null, ""]).value).toEqual({ kind: "missing" });
    const bad = parseMeasureInput(m, [12, "x"]);
    expect(bad.value).toEqual({ kind: "list", values: [12] });
    expect(bad.problems).toHaveLength(1);
  });
});
