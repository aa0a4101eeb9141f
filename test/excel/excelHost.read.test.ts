import { loadTemplates } from "../../src/cli/templateFiles";
import { createExcelHost } from "../../src/excel/excelHost";
import { interpretReport } from "../../src/core/interpret";
import type { Catalog } from "../../src/core/model";
import { memoryFillStore } from "../../src/excel/fillMemory";
import { FakeWorkbook } from "./fakeExcel";
import { multiplied, unitWorkbook } from "./workbookBuilder";

const { catalog } = loadTemplates();
const psyk = catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard")!;
const oppna = catalog.uppdrag.find((u) => u.id === "oppna-verksamheter")!;

const hostFor = (wb: FakeWorkbook, sets: string[] = ["1.1", "1.7", "1.9", "1.13"]) =>
  createExcelHost({ run: wb.run, isSetSupported: (_n, v) => sets.includes(v), fills: memoryFillStore() });

const psykValues = {
  patienter_start: 20,
  patienter_nya: 5,
  patienter_avslutade: 3,
  patienter_slut: 22,
  pas_antal: 2,
  sip_patienter: { value: "12 st", numberFormat: "@" },
  sip_moten: "",
  arsarbetare: 2.5,
  kval_samverkan_metod: "Enkät",
  kval_samverkan_analys: "Bra samverkan med primärvården.",
  gp_avslutade: { error: "#DIV/0!" },
  register_palliativ: "Ja",
  register_bpsd: true,
  lex_maria: 0,
};

describe("readActiveWorkbook", () => {
  it("reads psykiatrisk hemsjukvård's inputs by name in two round trips", async () => {
    const wb = unitWorkbook(psyk, { unit: "Team Norr", period: "2026H1", values: psykValues });
    const out = await hostFor(wb).readActiveWorkbook(catalog);
    expect(wb.syncs).toBe(2);
    if (!out.ok) throw new Error(JSON.stringify(out.problem));
    expect(out.uppdrag.id).toBe(psyk.id);
    expect(out.notes).toEqual([]);
    expect(out.raw).toMatchObject({
      uppdragId: psyk.id,
      templateVersion: psyk.version,
      unit: "Team Norr",
      period: "2026H1",
      file: "Enhet.xlsx",
    });
    expect(out.raw.cells).toMatchObject({
      patienter_start: 20,
      patienter_slut: 22,
      sip_patienter: "12 st",
      sip_moten: null,
      arsarbetare: 2.5,
      kval_samverkan_metod: "Enkät",
      gp_avslutade: { error: "#DIV/0!" },
      register_palliativ: "Ja",
      register_bpsd: true,
      lex_maria: 0,
      effektutvarderingar: null,
    });
    const inputs = psyk.measures.filter((m) => m.type !== "ratio");
    expect(Object.keys(out.raw.cells).sort()).toEqual(inputs.map((m) => m.id).sort());
    expect(out.raw.locations.patienter_start).toEqual({
      file: "Enhet.xlsx",
      sheet: "Verksamhetsmått",
      cell: "C5",
    });
    // And it interprets like a file would.
    const { report, problems } = interpretReport(out.uppdrag, out.raw);
    expect(report.values.patienter_start).toEqual({ kind: "number", value: 20 });
    expect(problems.find((p) => p.measureId === "gp_avslutade")?.location).toMatchObject({
      sheet: out.raw.locations.gp_avslutade!.sheet,
    });
  });

  it("keeps two round trips for ten times the measures, and for an uppdrag with lists of days", async () => {
    const big = multiplied(psyk, 10);
    const bigCatalog: Catalog = { uppdrag: [...catalog.uppdrag, big] };
    const wb = unitWorkbook(big, { values: { patienter_start: 1, patienter_start_x9: 9 } });
    const out = await hostFor(wb).readActiveWorkbook(bigCatalog);
    expect(wb.syncs).toBe(2);
    if (!out.ok) throw new Error("expected ok");
    expect(Object.keys(out.raw.cells)).toHaveLength(
      10 * psyk.measures.filter((m) => m.type !== "ratio").length,
    );
    expect(out.raw.cells.patienter_start_x9).toBe(9);

    const list = oppna.measures.find((m) => m.type === "daysList")!;
    const wb2 = unitWorkbook(oppna, { values: { [list.id]: [12, 40, "", { error: "#N/A" }] } });
    const out2 = await hostFor(wb2).readActiveWorkbook(catalog);
    expect(wb2.syncs).toBe(2);
    if (!out2.ok) throw new Error("expected ok");
    const cells = out2.raw.cells[list.id] as unknown[];
    expect(cells).toHaveLength(list.maxCases ?? 100);
    expect(cells.slice(0, 5)).toEqual([12, 40, null, { error: "#N/A" }, null]);
    expect(out2.raw.locations[list.id]?.cell).toMatch(/^C\d+:C\d+$/);
  });

  it("notes names that are gone, and uses the parts from the metadata", async () => {
    const parts = [oppna.parts[0]!.id];
    const wb = unitWorkbook(oppna, { parts, withoutNames: ["arsarbetare"] });
    const out = await hostFor(wb).readActiveWorkbook(catalog);
    if (!out.ok) throw new Error("expected ok");
    expect(out.raw.parts).toEqual(parts);
    const applicable = oppna.measures.filter(
      (m) => m.type !== "ratio" && (m.part === undefined || parts.includes(m.part)),
    );
    expect(Object.keys(out.raw.cells).length + out.notes.length).toBe(applicable.length);
    for (const n of out.notes)
      expect(n).toMatchObject({ code: "measureNotFound", severity: "fel", params: { file: "Enhet.xlsx" } });
  });

  it("falls back to the metadata sheet when the META names are lost, still in two round trips", async () => {
    const wb = unitWorkbook(psyk, { unit: "Team Syd", withoutMetaNames: true, values: psykValues });
    const out = await hostFor(wb).readActiveWorkbook(catalog);
    expect(wb.syncs).toBe(2);
    expect(out.ok && out.raw.unit).toBe("Team Syd");
  });

  it("rejects a workbook that is not a template, or of an unknown version, like readUnit", async () => {
    const plain = new FakeWorkbook([{ name: "Blad1", cells: { A1: "Hej" } }]);
    const out = await hostFor(plain, ["1.1"]).readActiveWorkbook(catalog);
    expect(out).toEqual({
      ok: false,
      problem: {
        code: "notATemplate",
        severity: "fel",
        location: { file: "(aktiv arbetsbok)" },
        params: { file: "(aktiv arbetsbok)" },
      },
    });
    expect(plain.syncs).toBe(1); // nothing to fetch in a second trip

    const old = unitWorkbook(psyk, { version: "2019.1" });
    expect(await hostFor(old).readActiveWorkbook(catalog)).toMatchObject({
      ok: false,
      problem: { code: "unknownVersion", params: { found: "2019.1" } },
    });
    const noUnit = unitWorkbook(psyk, { unit: "" });
    expect(await hostFor(noUnit).readActiveWorkbook(catalog)).toMatchObject({
      ok: false,
      problem: { code: "noUnit" },
    });
  });

  it("reads percent-formatted fractions as percentages for percent measures", async () => {
    const lilla = catalog.uppdrag.find((u) => u.id === "lilla-edet-grunduppdrag")!;
    const percent = lilla.measures.find((m) => m.type === "percent")!;
    const count = lilla.measures.find((m) => m.type === "count" && m.part === percent.part)!;
    const wb = unitWorkbook(lilla, {
      values: {
        [percent.id]: { value: 0.45, numberFormat: "0%" },
        [count.id]: { value: 0.5, numberFormat: "0%" },
      },
    });
    const out = await hostFor(wb).readActiveWorkbook(catalog);
    if (!out.ok) throw new Error("expected ok");
    expect(out.raw.cells[percent.id]).toBeCloseTo(45);
    expect(out.raw.cells[count.id]).toBe(0.5);
  });
});
