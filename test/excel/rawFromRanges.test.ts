import { loadTemplates } from "../../src/cli/templateFiles";
import { rawFromCell } from "../../src/excel/rawCell";
import {
  planNameReads,
  readOutcomeFromSnapshot,
  type NameInfo,
  type RangeData,
} from "../../src/excel/rawFromRanges";

const { catalog } = loadTemplates();
const psyk = catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard")!;
const lilla = catalog.uppdrag.find((u) => u.id === "lilla-edet-grunduppdrag")!;

describe("rawFromCell mirrors readUnit's rawOf", () => {
  it("blank, text, numbers and booleans", () => {
    expect(rawFromCell("", "Empty")).toBeNull();
    expect(rawFromCell("")).toBeNull();
    expect(rawFromCell(null)).toBeNull();
    expect(rawFromCell(12, "Double", "0")).toBe(12);
    expect(rawFromCell("12 st", "String", "@")).toBe("12 st");
    expect(rawFromCell(true, "Boolean")).toBe(true);
  });

  it("error values become { error }, but text that only looks like one stays text", () => {
    expect(rawFromCell("#DIV/0!", "Error")).toEqual({ error: "#DIV/0!" });
    expect(rawFromCell("#N/A")).toEqual({ error: "#N/A" });
    expect(rawFromCell("#N/A", "String")).toBe("#N/A");
  });

  it("a percent-formatted fraction is its percentage for percent measures only", () => {
    expect(rawFromCell(0.45, "Double", "0%", true)).toBeCloseTo(45);
    expect(rawFromCell(0.45, "Double", "0%", false)).toBe(0.45);
    expect(rawFromCell(45, "Double", "0", true)).toBe(45);
  });

  it("a date-formatted number is a date, as SheetJS gives it", () => {
    const newYear = new Date("2026-01-01T00:00:00Z");
    expect(rawFromCell(46023, "Double", "yyyy-mm-dd")).toEqual(newYear);
    expect(rawFromCell(46023, "Double", "[$-41D]d mmmm yyyy")).toEqual(newYear);
    expect(rawFromCell(46023, "Double", "0.0")).toBe(46023);
    expect(rawFromCell(46023, "Double", '0 "dagar"')).toBe(46023);
    expect(rawFromCell(46023, "Double", "General")).toBe(46023);
  });
});

const names = (list: [string, string, unknown?][]): NameInfo[] =>
  list.map(([name, type, value]) => ({ name, type, value: value ?? "" }));

describe("planNameReads", () => {
  it("fetches META names and the input names the catalog knows, nothing else", () => {
    const plan = planNameReads(
      names([
        ["META_uppdrag", "Range"],
        ["META_enhet", "Range"],
        ["U_patienter_start", "Range"],
        ["u_PAS_ANTAL", "Range"],
        ["U_patienter_per_pas", "Range"], // a derived ratio: not an input
        ["U_okant_matt", "Range"],
        ["U_lex_maria", "Error"],
        ["Utskriftsområde", "Range"],
      ]),
      ["Verksamhetsmått", "Metadata"],
      catalog,
    );
    expect(plan.rangeNames).toEqual(["META_uppdrag", "META_enhet", "U_patienter_start", "u_PAS_ANTAL"]);
    expect(plan.readMetaSheet).toBe(true); // most META names are missing and the sheet is there
  });

  it("does not read the metadata sheet when every META name is there", () => {
    const all = [
      "uppdrag",
      "uppdragsnamn",
      "mallversion",
      "enhet",
      "period",
      "delar",
      "skapad",
      "verktyg",
    ].map((k): [string, string] => [`META_${k}`, "Range"]);
    expect(planNameReads(names(all), ["Metadata"], catalog).readMetaSheet).toBe(false);
  });
});

function range(
  address: string,
  values: unknown[][],
  numberFormat?: unknown[][],
  valueTypes?: string[][],
): RangeData {
  return {
    address,
    values,
    ...(numberFormat ? { numberFormat } : {}),
    ...(valueTypes ? { valueTypes } : {}),
  };
}

function metaRanges(meta: Record<string, string>): [NameInfo[], Map<string, RangeData>] {
  const infos: NameInfo[] = [];
  const ranges = new Map<string, RangeData>();
  Object.entries(meta).forEach(([k, v], i) => {
    infos.push({ name: `META_${k}`, type: "Range", value: `Metadata!$B$${i + 1}` });
    ranges.set(`META_${k}`, range(`Metadata!B${i + 1}`, [[v]]));
  });
  return [infos, ranges];
}

const SHEETS = ["Verksamhetsmått", "Grundläggande uppföljning", "Äldre", "Metadata"];

describe("readOutcomeFromSnapshot", () => {
  const base = { uppdrag: psyk.id, mallversion: psyk.version, enhet: "Team Norr", period: "2026H1" };

  it("rejects what is not a template, or an unknown uppdrag, version or unit, with readUnit's codes", () => {
    const outcome = (meta: Record<string, string>) => {
      const [infos, ranges] = metaRanges(meta);
      return readOutcomeFromSnapshot(
        { file: "Bok1", sheetNames: SHEETS, names: infos, ranges, usedRanges: [] },
        catalog,
      )!;
    };
    expect(
      readOutcomeFromSnapshot({ file: "Bok1", sheetNames: SHEETS, names: [], ranges: new Map() }, catalog),
    ).toEqual({
      ok: false,
      problem: {
        code: "notATemplate",
        severity: "fel",
        location: { file: "Bok1" },
        params: { file: "Bok1" },
      },
    });
    expect(outcome({ ...base, uppdrag: "okant" })).toMatchObject({
      ok: false,
      problem: { code: "unknownUppdrag", params: { uppdrag: "okant" } },
    });
    expect(outcome({ ...base, mallversion: "2020.1" })).toMatchObject({
      ok: false,
      problem: { code: "unknownVersion", params: { found: "2020.1", expected: psyk.version } },
    });
    expect(outcome({ ...base, enhet: "" })).toMatchObject({ ok: false, problem: { code: "noUnit" } });
  });

  it("takes metadata from the metadata sheet when the names are gone", () => {
    const rows = Object.entries(base).map(([k, v]) => [k, v]);
    const out = readOutcomeFromSnapshot(
      {
        file: "Bok1",
        sheetNames: SHEETS,
        names: [],
        ranges: new Map(),
        metaSheet: range(`Metadata!A1:B${rows.length}`, rows),
        usedRanges: [],
      },
      catalog,
    )!;
    expect(out.ok && out.raw.unit).toBe("Team Norr");
  });

  it("asks for the sheets' used ranges when an input's name is lost, and then looks for its label", () => {
    const [infos, ranges] = metaRanges(base);
    const byName = { file: "Bok1", sheetNames: SHEETS, names: infos, ranges };
    expect(readOutcomeFromSnapshot(byName, catalog)).toBeUndefined();
    const label = psyk.measures.find((m) => m.id === "patienter_start")!.label;
    const sheet = range("'Verksamhetsmått'!A4:C6", [
      ["Mått-id", "Mått", "Värde"],
      ["x", label, 17],
      ["", "", ""],
    ]);
    const out = readOutcomeFromSnapshot({ ...byName, usedRanges: [sheet] }, catalog)!;
    if (!out.ok) throw new Error("expected ok");
    expect(out.raw.cells.patienter_start).toBe(17);
    expect(out.raw.locations.patienter_start).toEqual({ file: "Bok1", sheet: "Verksamhetsmått", cell: "C5" });
  });

  it("builds cells and locations; missing names are measureNotFound notes", () => {
    const [infos, ranges] = metaRanges(base);
    ranges.set("U_patienter_start", range("Verksamhetsmått!C5", [[20]]));
    ranges.set("u_arsarbetare", range("'Verksamhetsmått'!$C$14", [["2,5"]], [["@"]], [["String"]]));
    ranges.set(
      "U_lex_maria",
      range("'Grundläggande uppföljning'!C20", [["#DIV/0!"]], [["General"]], [["Error"]]),
    );
    ranges.set(
      "U_register_bpsd",
      range("'Grundläggande uppföljning'!C8", [[""]], [["General"]], [["Empty"]]),
    );
    const out = readOutcomeFromSnapshot(
      { file: "Bok1", sheetNames: SHEETS, names: infos, ranges, usedRanges: [] },
      catalog,
    )!;
    if (!out.ok) throw new Error("expected ok");
    expect(out.raw.cells).toEqual({
      patienter_start: 20,
      arsarbetare: "2,5",
      lex_maria: { error: "#DIV/0!" },
      register_bpsd: null,
    });
    expect(out.raw.locations.arsarbetare).toEqual({ file: "Bok1", sheet: "Verksamhetsmått", cell: "C14" });
    expect(out.raw).toMatchObject({
      uppdragId: psyk.id,
      templateVersion: psyk.version,
      unit: "Team Norr",
      period: "2026H1",
      file: "Bok1",
    });
    expect(out.raw.parts).toBeUndefined();
    const inputs = psyk.measures.filter((m) => m.type !== "ratio").length;
    expect(out.notes).toHaveLength(inputs - 4);
    expect(out.notes[0]).toEqual({
      code: "measureNotFound",
      severity: "fel",
      measureId: "patienter_nya",
      location: { file: "Bok1" },
      params: { file: "Bok1", measure: psyk.measures[1]!.label, name: "U_patienter_nya" },
    });
  });

  it("reads a list of days as a list, row by row, and only the parts the workbook covers", () => {
    const list = lilla.measures.find((m) => m.type === "daysList")!;
    const [infos, ranges] = metaRanges({
      uppdrag: lilla.id,
      mallversion: lilla.version,
      enhet: "Äldre Väst",
      period: "2026H1",
      delar: `${list.part}`,
    });
    ranges.set(
      `U_${list.id}`,
      range("Äldre!C12:C15", [[3], [""], [14], ["#N/A"]], undefined, [
        ["Double"],
        ["Empty"],
        ["Double"],
        ["Error"],
      ]),
    );
    const out = readOutcomeFromSnapshot(
      { file: "Bok1", sheetNames: SHEETS, names: infos, ranges, usedRanges: [] },
      catalog,
    )!;
    if (!out.ok) throw new Error("expected ok");
    expect(out.raw.parts).toEqual([list.part]);
    expect(out.raw.cells[list.id]).toEqual([3, null, 14, { error: "#N/A" }]);
    expect(out.raw.locations[list.id]).toEqual({ file: "Bok1", sheet: "Äldre", cell: "C12:C15" });
    expect(
      out.notes.every(
        (n) =>
          lilla.measures.find((m) => m.id === n.measureId)!.part === list.part ||
          lilla.measures.find((m) => m.id === n.measureId)!.part === undefined,
      ),
    ).toBe(true);
  });
});
