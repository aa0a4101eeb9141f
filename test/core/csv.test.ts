/**
 * The tidy table and its CSV (rollup --csv): one row per unit and measure, per case for wait
 * times, plus the level-2 figures; written for Swedish Excel with semicolons and a decimal comma.
 */
import { csvCell, toCsv } from "../../src/core/csv";
import { LEVEL2_UNIT, TIDY_HEADERS, tidyRow, tidyRows, type TidyRow } from "../../src/core/tidy";
import { rollup } from "../../src/core/rollup";
import { list, n, oppna, psyk, text, unitWith, uppdragById, yes } from "./builders";

describe("CSV cells for Swedish Excel", () => {
  it("writes numbers with a decimal comma", () => {
    expect(csvCell(2.5)).toBe("2,5");
    expect(csvCell(-0.25)).toBe("-0,25");
    expect(csvCell(1234.5)).toBe("1234,5");
    expect(csvCell(75)).toBe("75");
    expect(csvCell(0)).toBe("0");
  });

  it("leaves missing values empty, never 0", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes text with a separator, a quote or a line break, and only such text", () => {
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('säger "hej"')).toBe('"säger ""hej"""');
    expect(csvCell("rad 1\nrad 2")).toBe('"rad 1\nrad 2"');
    expect(csvCell("rad 1\rrad 2")).toBe('"rad 1\rrad 2"');
    expect(csvCell("Team Norr, öst")).toBe("Team Norr, öst");
  });

  it("defuses text that a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"])
      expect(csvCell(`${start}1+1`).replace(/^"|"$/g, "")).toBe(`'${start}1+1`);
    expect(csvCell("1+1")).toBe("1+1");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("joins with semicolons, ends every line with CRLF and starts with a BOM", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          [1.5, null],
          ["x;y", 2],
        ],
      ),
    ).toBe('\ufeffa;b\r\n1,5;\r\n"x;y";2\r\n');
  });
});

describe("the tidy rows", () => {
  const u = psyk();
  const values = { patienter_slut: 30, pas_antal: 4, sip_patienter: 15, arsarbetare: 2.5 };
  // Computed in each test, not once here: code run outside a test is static coverage to Stryker, and its mutants would meet no test.
  const rollupOf = () =>
    rollup(u, [
      unitWith(u, "Team Norr", values),
      unitWith(u, "Team Syd", {
        patienter_slut: 10,
        pas_antal: 1,
        sip_patienter: 10,
        arsarbetare: { kind: "missing" },
      }),
    ]);
  const rowsOf = () => tidyRows(u, rollupOf());
  const row = (level: 2 | 3, unit: string, id: string) =>
    rowsOf().filter((r) => r.level === level && r.unit === unit && r.measureId === id);

  it("holds a level-2 row for every figure but texts, with the figure's value", () => {
    const sip = u.measures.find((m) => m.id === "andel_patienter_med_sip")!;
    expect(row(2, LEVEL2_UNIT, "patienter_slut")).toEqual([
      {
        uppdrag: u.id,
        period: "2025H1",
        level: 2,
        unit: LEVEL2_UNIT,
        measureId: "patienter_slut",
        label: u.measures.find((m) => m.id === "patienter_slut")!.label,
        value: 40,
        unitOfMeasure: "patienter",
        caseNumber: null,
        templateVersion: u.version,
      },
    ]);
    expect(row(2, LEVEL2_UNIT, "andel_patienter_med_sip")).toEqual([
      expect.objectContaining({ value: 62.5, label: sip.label, unitOfMeasure: sip.unit }),
    ]); // 25 / 40 × 100
    expect(row(2, LEVEL2_UNIT, "patienter_per_pas")[0]!.value).toBe(8); // 40 / 5
    expect(row(2, LEVEL2_UNIT, "arsarbetare")[0]!.value).toBe(2.5);
    expect(row(2, LEVEL2_UNIT, "patienter_nya")[0]!.value).toBeNull(); // nobody reported it
    const result = rollupOf();
    const rows = tidyRows(u, result);
    const textMeasures = u.measures
      .filter((m) => m.aggregate === "text" || m.aggregate === "none")
      .map((m) => m.id);
    expect(textMeasures.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.level === 2 && textMeasures.includes(r.measureId))).toEqual([]);
    expect(rows.filter((r) => r.level === 2)).toHaveLength(
      result.figures.length - result.figures.filter((f) => textMeasures.includes(f.measureId)).length,
    );
  });

  it("holds each unit's own values and ratios at level 3, missing as null", () => {
    expect(row(3, "Team Norr", "patienter_slut")).toEqual([
      expect.objectContaining({ uppdrag: u.id, period: "2025H1", value: 30, caseNumber: null }),
    ]);
    expect(row(3, "Team Norr", "andel_patienter_med_sip")[0]!.value).toBe(50); // 15 / 30 × 100
    expect(row(3, "Team Syd", "patienter_per_pas")[0]!.value).toBe(10);
    expect(row(3, "Team Syd", "arsarbetare")[0]!.value).toBeNull();
  });

  it("writes yes/no as Ja/Nej, texts as they are and one row per case of a wait-time list", () => {
    const o = oppna();
    const report = unitWith(
      o,
      "Demens",
      {
        register_senior_alert: yes(true),
        register_bpsd: yes(false),
        kval_samverkan_analys: text("Bra"),
        demens_vantetid: list(12, 30),
        demens_utredningar: n(2),
      },
      { parts: ["demenscenter"] },
    );
    const r = tidyRows(o, rollup(o, [report]));
    const unitRow = (id: string) => r.filter((x) => x.level === 3 && x.measureId === id);
    expect(unitRow("register_senior_alert")[0]!.value).toBe("Ja");
    expect(unitRow("register_bpsd")[0]!.value).toBe("Nej");
    expect(unitRow("kval_samverkan_analys")[0]!.value).toBe("Bra");
    expect(unitRow("demens_vantetid").map((x) => [x.value, x.caseNumber])).toEqual([
      [12, 1],
      [30, 2],
    ]);
    // Another part's measures are not asked of this workbook: no rows, not blank rows.
    expect(unitRow("brukare_anhorigcenter")).toEqual([]);
    expect(r.find((x) => x.level === 2 && x.measureId === "demens_vantetid")!.value).toBe(21); // median of 12 and 30
  });

  it("leaves out a ratio of another part at level 3", () => {
    // Lilla Edet: fh_avvikelse_standardkostnad belongs to stod_funktionshinder.
    const le = uppdragById("lilla-edet-grunduppdrag");
    const values = { fh_nettokostnad: 1100, fh_standardkostnad: 1000 };
    const ratioRows = (parts: string[]) =>
      tidyRows(le, rollup(le, [unitWith(le, "X", values, { parts })])).filter(
        (x) => x.level === 3 && x.measureId === "fh_avvikelse_standardkostnad",
      );
    expect(ratioRows(["stod_aldre"])).toEqual([]);
    expect(ratioRows(["stod_funktionshinder"]).map((x) => x.value)).toEqual([10]); // (1100 − 1000) / 1000 × 100
  });

  it("turns into CSV lines with the level-2 figure and a decimal comma", () => {
    const csv = toCsv(TIDY_HEADERS, rowsOf().map(tidyRow));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "\ufeffuppdrag;period;nivå;enhet;mått_id;mått;värde;måttenhet;ärende;mallversion;format;mål;målstatus",
    );
    const label = u.measures.find((m) => m.id === "arsarbetare")!.label;
    expect(lines).toContain(
      `${u.id};2025H1;2;${LEVEL2_UNIT};arsarbetare;${label};2,5;årsarbetare;;${u.version};3;;`,
    );
    expect(lines).toContain(
      `${u.id};2025H1;3;Team Norr;arsarbetare;${label};2,5;årsarbetare;;${u.version};3;;`,
    );
    expect(
      tidyRow({
        uppdrag: "u",
        period: "p",
        level: 3,
        unit: "e",
        measureId: "m",
        label: "l",
        value: 1,
        unitOfMeasure: "st",
        caseNumber: 2,
        templateVersion: "3",
      } satisfies TidyRow),
    ).toEqual(["u", "p", 3, "e", "m", "l", 1, "st", 2, "3", 3, null, null]);
  });
});
