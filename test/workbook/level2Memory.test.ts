/**
 * The level-2 workbook of a small made-up uppdrag with one measure of every kind, written in
 * memory and read back with SheetJS: unit columns, level-2 figures and where their formulas
 * point, the basis text, who is missing, flagged errors, and the other sheets. Rows and columns
 * are found by their ids and headers, and every expected figure is worked out here by hand.
 * (Whether Excel computes the formulas to the same figures is the LibreOffice test's job.)
 */
import * as XLSX from "xlsx";
import type { Measure, Problem, UnitReport, Uppdrag, Value } from "../../src/core/model";
import { rollup } from "../../src/core/rollup";
import { LEVEL2_SHEETS, writeLevel2 } from "../../src/workbook/writeLevel2";
import type { CollectedRollup, FileOutcome } from "../../src/workbook/collect";

function measure(
  id: string,
  type: Measure["type"],
  aggregate: Measure["aggregate"],
  section: string,
  extra: Partial<Measure> = {},
): Measure {
  return {
    id,
    label: `Mått ${id}`,
    help: "",
    kind: "struktur",
    levels: [2, 3],
    type,
    unit: type === "percent" ? "%" : "st",
    section,
    aggregate,
    checks: { required: false },
    ...extra,
  };
}
const term = (m: string, sign: 1 | -1 = 1) => ({ measure: m, sign });

const UPPDRAG: Uppdrag = {
  id: "prov",
  version: "1",
  name: "Provuppdraget",
  description: "",
  source: "",
  frequency: ["halvar"],
  parts: [
    { id: "p1", label: "Del 1" },
    { id: "p2", label: "Del 2" },
  ],
  sections: [
    { id: "a", label: "Avsnitt A", sheet: "A" },
    { id: "tom", label: "Avsnitt utan mått på nivå 2", sheet: "Tom" },
    { id: "b", label: "Avsnitt B", sheet: "B" },
  ],
  measures: [
    measure("antal", "count", "sum", "a"),
    measure("slut", "count", "stock", "a"),
    measure("andel", "ratio", "ratio", "a", {
      unit: "%",
      formula: { numerator: [term("antal")], denominator: [term("slut")], factor: 100 },
    }),
    measure("netto", "tkr", "sum", "a"),
    measure("standard", "tkr", "sum", "a"),
    measure("avvikelse", "ratio", "ratio", "a", {
      unit: "%",
      formula: {
        numerator: [term("netto"), term("standard", -1)],
        denominator: [term("standard")],
        factor: 100,
      },
    }),
    measure("besok", "count", "sum", "a"),
    measure("besok_per_slut", "ratio", "ratio", "a", {
      formula: { numerator: [term("besok")], denominator: [term("slut")], factor: 1 },
    }),
    measure("nojd", "percent", "weightedMean", "a", { weight: "svarande" }),
    measure("svarande", "count", "sum", "a"),
    measure("delmal", "count", "sum", "a", { part: "p2" }),
    measure("fte", "decimal", "stock", "a"),
    measure("bara_niva3", "count", "sum", "tom", { levels: [3] }),
    measure("vantetid", "daysList", "pooled", "b", { statistic: "median" }),
    measure("vantetid_medel", "daysList", "pooled", "b", { statistic: "mean" }),
    measure("register", "yesNo", "yesCount", "b"),
    measure("metod", "choice", "tally", "b", { options: ["Enkät", "Samtal"] }),
    measure("analys", "text", "text", "b"),
    measure("fritt", "count", "none", "b"),
  ],
  rules: [],
  file: "prov.json",
};

const num = (value: number): Value => ({ kind: "number", value });
const days = (...values: number[]): Value => ({ kind: "list", values });
const MISSING: Value = { kind: "missing" };

function report(unit: string, file: string, values: Record<string, Value>, parts?: string[]): UnitReport {
  return {
    uppdragId: "prov",
    templateVersion: "1",
    unit,
    period: "2025H1",
    file,
    values,
    ...(parts ? { parts } : {}),
  };
}

const norr = report("Norr", "norr.xlsx", {
  antal: num(6),
  slut: num(20),
  netto: num(1100),
  standard: num(1000),
  besok: num(12),
  nojd: num(80),
  svarande: num(10),
  delmal: num(2),
  fte: num(2.5),
  vantetid: days(10, 30),
  vantetid_medel: days(5),
  register: { kind: "yesNo", value: true },
  metod: { kind: "text", value: "Enkät" },
  analys: { kind: "text", value: "Bra" },
  fritt: num(3),
});
const syd = report(
  "Syd",
  "syd.xlsx",
  {
    antal: num(4),
    slut: num(30),
    netto: num(950),
    standard: num(1000),
    besok: MISSING,
    nojd: num(50),
    svarande: num(30),
    fte: num(1.25),
    vantetid: days(20),
    vantetid_medel: days(7, 9),
    register: { kind: "yesNo", value: false },
    metod: { kind: "text", value: "Enkät" },
    analys: MISSING,
    fritt: num(1),
  },
  ["p1"],
);
const old = report("Öst", "gammal.xlsx", { antal: num(100) });

const sydError: Problem = {
  code: "notWholeNumber",
  severity: "fel",
  measureId: "antal",
  location: { file: "syd.xlsx", sheet: "A", cell: "C5" },
  params: { measure: "Mått antal", value: 4.5 },
};
const sydWarning: Problem = {
  code: "unusuallyHigh",
  severity: "varning",
  measureId: "slut",
  location: { sheet: "A", cell: "C6" },
  params: { measure: "Mått slut", value: 30, limit: 25, unit: "st" },
};

function collected(): CollectedRollup {
  const result = rollup(UPPDRAG, [norr, syd, { ...old, period: "2024H2" }], {
    expectedUnits: [{ unit: "Norr" }, { unit: "Syd", parts: ["p1"] }, { unit: "Väst" }],
    fileProblems: new Map([["syd.xlsx", [sydError, sydWarning]]]),
  });
  const outcome = (r: UnitReport, problems: Problem[]): FileOutcome => ({
    file: r.file,
    sha256: `sha-${r.unit}`,
    status: "used",
    uppdrag: UPPDRAG,
    report: r,
    problems,
  });
  const rejected = result.rejected[0]!;
  const files: FileOutcome[] = [
    outcome(norr, []),
    outcome(syd, [sydError, sydWarning]),
    {
      file: "gammal.xlsx",
      sha256: "sha-old",
      status: "rejected",
      reason: rejected.problem,
      uppdrag: UPPDRAG,
      report: rejected.report,
      problems: [],
    },
  ];
  return { uppdrag: UPPDRAG, result, files };
}

/**
 * Writes and reads the workbook. Each test writes its own: a workbook written once in beforeAll
 * would count as static coverage for mutation testing, and no test would be run against the
 * writer's mutants.
 */
async function level2() {
  const book = XLSX.read(await writeLevel2(collected(), { createdAt: new Date("2025-07-01T10:00:00Z") }), {
    type: "array",
    cellNF: true,
  });
  const summary = book.Sheets[LEVEL2_SHEETS.summary]!;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(summary, {
    header: 1,
    raw: true,
    defval: null,
    blankrows: true,
  });
  const header = rows.find((r) => r[0] === "Mått" && r.includes("Nivå 2"))!;
  const idCol = header.indexOf("Mått-id");
  /** The row of measure `id`, found by its id in the last column. */
  const rowOf = (id: string) => rows.findIndex((x) => x[idCol] === id);
  /** The cell of measure `id` in the column headed `column`, as SheetJS read it. */
  const cell = (id: string, column: string): XLSX.CellObject | undefined => {
    const r = rowOf(id);
    const c = header.indexOf(column);
    if (r < 0 || c < 0) throw new Error(`no row ${id} or column ${column}`);
    return summary[XLSX.utils.encode_cell({ r, c })];
  };
  const value = (id: string, column: string) => cell(id, column)?.v ?? null;
  /** Excel's reference to measure `id`'s unit columns, e.g. E7:F7, found from the sheet itself. */
  const unitRange = (id: string): string => {
    const r = rowOf(id) + 1;
    return `${XLSX.utils.encode_col(header.indexOf("Norr"))}${r}:${XLSX.utils.encode_col(header.indexOf("Syd"))}${r}`;
  };
  const sheetRows = (name: string) =>
    XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, defval: null });
  return { book, summary, rows, header, idCol, cell, value, unitRange, sheetRows };
}

/**
 * One test per written workbook: in a mutation run each mutant of the writer reruns every test
 * that wrote a workbook, so a few tests with many expectations cost a fraction of many small ones.
 */
describe("the level-2 workbook", () => {
  it("fills the Nivå 2 sheet: units, figures, formulas over the right rows, basis, missing units and errors", async () => {
    const { summary, rows, header, idCol, cell, value, unitRange, sheetRows } = await level2();

    // Says what it is, for which period, which units are in and which are missing.
    expect(summary.A1.v).toBe("Sammanställning nivå 2 – Provuppdraget");
    expect(summary.A2.v).toBe("Period: Halvår 1 2025 · mallversion 1 · skapad 2025-07-01 10:00");
    expect(summary.A3.v).toBe("2 enheter ingår; saknas: Väst. Tomma celler är saknade värden, inte 0.");
    // Labels first, plain Swedish headings, the ids last (outside the print area).
    expect(header).toEqual([
      "Mått",
      "Måttenhet",
      "Norr",
      "Syd",
      "Nivå 2",
      "Så räknas nivå 2",
      "Underlag",
      "Enheter som saknas",
      "Fel i underlaget",
      "Kontroll mellan måtten",
      "Mått-id",
    ]);

    // Lists the level-2 measures under their sections, without texts, level-3-only measures or empty sections.
    const ids = rows.slice(rows.indexOf(header) + 1).map((r) => r[idCol] ?? r[0]);
    expect(ids).toEqual([
      "Avsnitt A",
      "antal",
      "slut",
      "andel",
      "netto",
      "standard",
      "avvikelse",
      "besok",
      "besok_per_slut",
      "nojd",
      "svarande",
      "delmal",
      "fte",
      "Avsnitt B",
      "vantetid",
      "vantetid_medel",
      "register",
      "metod",
      "fritt",
    ]);
    expect(rows.find((r) => r[idCol] === "antal")!.slice(0, 2)).toEqual(["Mått antal", "st"]);
    expect(value("antal", "Så räknas nivå 2")).toBe("Enheternas siffror lagda ihop.");
    expect(value("andel", "Så räknas nivå 2")).toBe(
      "Räknad på allas siffror lagda ihop, inte ett snitt av enheternas tal.",
    );
    expect(value("vantetid", "Så räknas nivå 2")).toBe(
      "Medianen av alla ärenden från alla enheter tillsammans.",
    );
    expect(value("vantetid_medel", "Så räknas nivå 2")).toBe(
      "Medelvärdet av alla ärenden från alla enheter tillsammans.",
    );
    expect(value("nojd", "Måttenhet")).toBe("%");

    // Shows each unit's value, own ratio, median, Ja/Nej and a dash where a measure is not asked of it.
    expect([value("antal", "Norr"), value("antal", "Syd")]).toEqual([6, 4]);
    expect(value("andel", "Norr")).toBe(30); // 6 / 20 × 100
    expect(value("andel", "Syd")).toBeCloseTo(400 / 30, 9);
    expect(value("avvikelse", "Norr")).toBe(10); // (1100 − 1000) / 1000 × 100
    expect(value("vantetid", "Norr")).toBe(20); // median of 10 and 30
    expect(value("vantetid_medel", "Syd")).toBe(8); // the unit's median of 7 and 9
    expect([value("register", "Norr"), value("register", "Syd")]).toEqual(["Ja", "Nej"]);
    expect(value("metod", "Syd")).toBe("Enkät");
    expect(value("delmal", "Syd")).toBe("–");
    expect(value("besok", "Syd")).toBeNull();
    expect(value("besok_per_slut", "Syd")).toBeNull();

    // Writes sums, counts of Ja, ratios and weighted means as formulas over the rows they need.
    expect(cell("antal", "Nivå 2")).toMatchObject({ v: 10, f: `SUM(${unitRange("antal")})` });
    expect(cell("slut", "Nivå 2")).toMatchObject({ v: 50, f: `SUM(${unitRange("slut")})` });
    expect(cell("register", "Nivå 2")).toMatchObject({ v: 1, f: `COUNTIF(${unitRange("register")},"Ja")` });
    // Ratios and weighted means count only units that gave every input (ISNUMBER masks), as the roll-up does.
    const mask = (...ids: string[]) =>
      ids.length === 1
        ? `--ISNUMBER(${unitRange(ids[0]!)})`
        : ids.map((id) => `ISNUMBER(${unitRange(id)})`).join("*");
    // 10 / 50 × 100
    expect(cell("andel", "Nivå 2")).toMatchObject({
      v: 20,
      f: `(SUMPRODUCT(${mask("antal", "slut")},${unitRange("antal")}))/(SUMPRODUCT(${mask("antal", "slut")},${unitRange("slut")}))*100`,
    });
    // (2050 − 2000) / 2000 × 100
    const nettoStandard = mask("netto", "standard");
    expect(cell("avvikelse", "Nivå 2")).toMatchObject({
      v: 2.5,
      f: `(SUMPRODUCT(${nettoStandard},${unitRange("netto")})-SUMPRODUCT(${nettoStandard},${unitRange("standard")}))/(SUMPRODUCT(${nettoStandard},${unitRange("standard")}))*100`,
    });
    // (80 × 10 + 50 × 30) / 40
    const nojd = mask("nojd", "svarande");
    expect(cell("nojd", "Nivå 2")).toMatchObject({
      v: 57.5,
      f: `SUMPRODUCT(${nojd},${unitRange("nojd")},${unitRange("svarande")})/SUMPRODUCT(${nojd},${unitRange("svarande")})`,
    });
    expect(cell("delmal", "Nivå 2")).toMatchObject({ v: 2, f: `SUM(${unitRange("delmal")})` });

    // Points pooled figures at their cases on the Ärenden sheet.
    // Ärenden: vantetid 10, 30 (Norr), 20 (Syd) on rows 2–4; vantetid_medel 5 (Norr), 7, 9 (Syd) on rows 5–7.
    expect(cell("vantetid", "Nivå 2")).toMatchObject({ v: 20, f: "MEDIAN('Ärenden'!$D$2:$D$4)" });
    expect(cell("vantetid_medel", "Nivå 2")).toMatchObject({ v: 7, f: "AVERAGE('Ärenden'!$D$5:$D$7)" });
    const cases = sheetRows(LEVEL2_SHEETS.cases);
    expect(cases).toEqual([
      ["Mått-id", "Mått", "Enhet", "Dagar"],
      ["vantetid", "Mått vantetid", "Norr", 10],
      ["vantetid", "Mått vantetid", "Norr", 30],
      ["vantetid", "Mått vantetid", "Syd", 20],
      ["vantetid_medel", "Mått vantetid_medel", "Norr", 5],
      ["vantetid_medel", "Mått vantetid_medel", "Syd", 7],
      ["vantetid_medel", "Mått vantetid_medel", "Syd", 9],
    ]);

    // Stays a live formula where a unit column lacks an input: the mask drops that unit.
    // besok_per_slut: only Norr gave both, 12 / 20; a plain SUM over both columns would take Syd's slut too.
    const besok = mask("besok", "slut");
    expect(cell("besok_per_slut", "Nivå 2")).toMatchObject({
      v: 0.6,
      f: `(SUMPRODUCT(${besok},${unitRange("besok")}))/(SUMPRODUCT(${besok},${unitRange("slut")}))`,
    });
    // A tally counts the units that chose an option: every text but the mark for a part not covered.
    expect(cell("metod", "Nivå 2")).toMatchObject({
      v: 2,
      f: `COUNTA(${unitRange("metod")})-COUNTIF(${unitRange("metod")},"–")`,
    });
    expect(cell("fritt", "Nivå 2")).toBeUndefined(); // summeras inte: blank, not 0

    // Formats figures with decimals to one decimal, counts as they are.
    for (const id of ["andel", "avvikelse", "nojd", "fte", "vantetid", "vantetid_medel"])
      expect([id, cell(id, "Nivå 2")!.z]).toEqual([id, "0.0"]);
    for (const id of ["antal", "register", "netto"])
      expect([id, cell(id, "Nivå 2")!.z]).not.toEqual([id, "0.0"]);
    // Rounds the units' figures as their level-2 figure, keeping the exact value in the cell.
    expect(cell("andel", "Syd")).toMatchObject({ v: 400 / 30, z: "0.0" });
    expect(cell("nojd", "Norr")!.z).toBe("0.0");
    expect(cell("antal", "Norr")!.z).not.toBe("0.0");
    // Says what a count of answers counts: not a bare 2 on a choice's or a yes/no row.
    expect(cell("metod", "Nivå 2")).toMatchObject({ v: 2, z: '0" har svarat"', w: "2 har svarat" });
    expect(cell("register", "Nivå 2")).toMatchObject({ v: 1, z: '0" med Ja"', w: "1 med Ja" });

    // Says what each figure rests on.
    expect(value("antal", "Underlag")).toBe("2 enheter");
    expect(value("andel", "Underlag")).toBe("10 / 50");
    expect(value("besok_per_slut", "Underlag")).toBe("12 / 20");
    expect(value("register", "Underlag")).toBe("Ja för 1 av 2 enheter");
    expect(value("metod", "Underlag")).toBe("Enkät: 2");
    expect(value("vantetid", "Underlag")).toBe("3 ärenden; medel 20, median 20");
    expect(value("vantetid_medel", "Underlag")).toBe("3 ärenden; medel 7, median 7");

    // Names the units a figure lacks and the units whose values behind it have errors.
    expect(value("antal", "Enheter som saknas")).toBe("Väst");
    expect(value("besok", "Enheter som saknas")).toBe("Syd, Väst");
    expect(value("delmal", "Enheter som saknas")).toBe("Väst"); // Syd is not asked for part p2
    expect(value("antal", "Fel i underlaget")).toBe("Bygger på värden med fel från Syd");
    expect(value("andel", "Fel i underlaget")).toBe("Bygger på värden med fel från Syd"); // antal is one of its inputs
    expect(value("slut", "Fel i underlaget")).toBeNull(); // a warning is not an error
    expect(value("netto", "Fel i underlaget")).toBeNull();
  });

  it("accounts for analyses, cases, files, problems and the tidy data on their own sheets", async () => {
    const { book, sheetRows } = await level2();

    // Puts the analyses side by side, (saknas) for a blank and – where not asked.
    const analyses = sheetRows(LEVEL2_SHEETS.analyses);
    expect(analyses).toEqual([
      ["Kvalitetsområde eller fråga", "Norr", "Syd", "Mått-id"],
      ["Mått analys", "Bra", "(saknas)", "analys"],
    ]);

    // Accounts for every file and every expected unit that sent none.
    const files = sheetRows(LEVEL2_SHEETS.files);
    expect(files).toEqual([
      ["Fil", "Enhet", "Period", "Mallversion", "SHA-256", "Status", "Orsak", "Fel", "Varningar"],
      ["norr.xlsx", "Norr", "2025H1", "1", "sha-Norr", "Används", "", 0, 0],
      ["syd.xlsx", "Syd", "2025H1", "1", "sha-Syd", "Används", "", 1, 1],
      [
        "gammal.xlsx",
        "Öst",
        "2024H2",
        "1",
        "sha-old",
        "Avvisad",
        "Filen gäller perioden 2024H2, men sammanställningen gäller 2025H1. Den räknas inte med.",
        0,
        0,
      ],
      [
        "(ingen fil)",
        "Väst",
        "2025H1",
        "",
        "",
        "Saknas",
        "Enheten finns i listan över förväntade enheter men har inte lämnat någon uppföljning.",
        null,
        null,
      ],
    ]);

    // Lists every problem with its file, sheet, cell, measure and message.
    const problems = sheetRows(LEVEL2_SHEETS.problems);
    expect(problems).toEqual([
      ["Fil", "Blad", "Cell", "Mått-id", "Mått", "Allvarlighet", "Meddelande"],
      [
        "syd.xlsx",
        "A",
        "C5",
        "antal",
        "Mått antal",
        "Fel",
        "4,5 är inte ett heltal. Antal ska anges i hela tal.",
      ],
      [
        "syd.xlsx",
        "A",
        "C6",
        "slut",
        "Mått slut",
        "Varning",
        "30 st är ovanligt högt (över 25). Kontrollera att värdet stämmer.",
      ],
      [
        "gammal.xlsx",
        "",
        "",
        "",
        "",
        "Fel",
        "Filen gäller perioden 2024H2, men sammanställningen gäller 2025H1. Den räknas inte med.",
      ],
      ["", "", "", "", "", "Fel", "Enheten Väst har inte lämnat någon uppföljning."],
    ]);

    // Holds the tidy data with level-2 rows.
    const data = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[LEVEL2_SHEETS.data]!);
    expect(
      data.filter((r) => r["mått_id"] === "andel").map((r) => [r["nivå"], r["enhet"], r["värde"]]),
    ).toEqual([
      [3, "Norr", 30],
      [3, "Syd", 400 / 30],
      [2, "Nivå 2 (hela uppdraget)", 20],
    ]);
    expect(book.SheetNames).toEqual([
      "Översikt",
      "Nivå 2",
      "Analyser",
      "Ärenden",
      "Filer",
      "Problem",
      "Data",
    ]);

    // Prints the headings (and on Nivå 2 and Analyser the labels) on every page; the ids stay off paper.
    const names = (book.Workbook?.Names ?? []).filter((n) => n.Name.startsWith("_xlnm.Print"));
    const nameOf = (name: string, sheet: string) =>
      names.find((n) => n.Name === `_xlnm.${name}` && n.Sheet === book.SheetNames.indexOf(sheet))?.Ref;
    const headerRow = sheetRows(LEVEL2_SHEETS.summary).findIndex((r) => r[0] === "Mått") + 1;
    expect(headerRow).toBeGreaterThan(3);
    expect(nameOf("Print_Titles", "Nivå 2")).toBe(`'Nivå 2'!$A:$B,'Nivå 2'!$${headerRow}:$${headerRow}`);
    // Mått … Kontroll mellan måtten (J) print; Mått-id (K) does not.
    expect(nameOf("Print_Area", "Nivå 2")).toMatch(/^'Nivå 2'!\$A\$1:\$J\$\d+$/);
    expect(nameOf("Print_Titles", "Analyser")).toBe("'Analyser'!$A:$A,'Analyser'!$1:$1");
    expect(nameOf("Print_Area", "Analyser")).toBe("'Analyser'!$A$1:$C$2");
    for (const sheet of ["Ärenden", "Filer", "Problem", "Data"])
      expect(nameOf("Print_Titles", sheet)).toBe(`'${sheet}'!$1:$1`);
  });
});

describe("edge cases of the writer", () => {
  it("writes a roll-up without units: a placeholder column and no figures", async () => {
    const result = rollup(UPPDRAG, [], { expectedUnits: [{ unit: "Väst" }], period: "2025H1" });
    const wb = XLSX.read(await writeLevel2({ uppdrag: UPPDRAG, result, files: [] }), { type: "array" });
    const ws = wb.Sheets[LEVEL2_SHEETS.summary]!;
    const r = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null });
    expect(ws.A3.v).toBe("0 enheter ingår; saknas: Väst. Tomma celler är saknade värden, inte 0.");
    expect(r.find((x) => x[0] === "Mått")).toEqual([
      "Mått",
      "Måttenhet",
      "(inga enheter)",
      "Nivå 2",
      "Så räknas nivå 2",
      "Underlag",
      "Enheter som saknas",
      "Fel i underlaget",
      "Kontroll mellan måtten",
      "Mått-id",
    ]);
    expect(r.find((x) => x[9] === "antal")!.slice(2)).toEqual([
      null,
      null,
      "Enheternas siffror lagda ihop.",
      "0 enheter",
      "Väst",
      null,
      null,
      "antal",
    ]);
  });

  it("notes why a figure is blank beside it", async () => {
    const zero = report("Norr", "norr.xlsx", { antal: num(3), slut: num(0) });
    const result = rollup(UPPDRAG, [zero]);
    const wb = XLSX.read(await writeLevel2({ uppdrag: UPPDRAG, result, files: [] }), { type: "array" });
    const r = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[LEVEL2_SHEETS.summary]!, {
      header: 1,
      defval: null,
    });
    const head = r.find((x) => x[0] === "Mått")!;
    const andel = r.find((x) => x[head.indexOf("Mått-id")] === "andel")!;
    expect(andel[head.indexOf("Nivå 2")]).toBeNull();
    expect(andel[head.indexOf("Underlag")]).toBe("3 / 0 – Nämnaren är 0: kvoten kan inte beräknas.");
    expect(wb.Sheets[LEVEL2_SHEETS.summary]!.A3.v).toBe(
      "1 enheter ingår. Tomma celler är saknade värden, inte 0.",
    );
  });
});
