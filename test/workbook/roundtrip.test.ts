/**
 * The whole cycle on real files: templates written with exceljs, filled through their defined
 * names with SheetJS (as a unit's own tools would), read back, validated and rolled up; every
 * level-2 figure is compared with a figure computed here by hand.
 */
import * as fs from "node:fs";
import * as XLSX from "xlsx";
import { soffice, convertWithLibreOffice } from "../helpers/libreoffice";
import { writeTemplate } from "../../src/workbook/template";
import { checkFiles, rollupFiles } from "../../src/workbook/collect";
import { inMemoryFile } from "../helpers/inMemoryFile";
import { writeLevel2, LEVEL2_SHEETS } from "../../src/workbook/writeLevel2";
import { loadTemplates } from "../../src/cli/templateFiles";
import {
  dropNames,
  fillByNames,
  insertRows,
  renameSheet,
  setMeta,
  convert,
  type CellInput,
} from "./sheetjsFill";

const { catalog } = loadTemplates();
const psyk = catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard")!;
const oppna = catalog.uppdrag.find((u) => u.id === "oppna-verksamheter")!;

const template = (unit: string, parts?: string[], u = psyk) =>
  writeTemplate(u, { unit, period: "2025H1", parts, createdAt: new Date("2025-06-01T08:00:00Z") });

/** Values for one team: flows that balance, and the fragment's required answers. */
function teamValues(
  start: number,
  nya: number,
  avslutade: number,
  pas: number,
  fte: number | string,
  extra: Record<string, CellInput | CellInput[]> = {},
) {
  return {
    patienter_start: start,
    patienter_nya: nya,
    patienter_avslutade: avslutade,
    patienter_slut: start + nya - avslutade,
    pas_antal: pas,
    sip_patienter: start + nya - avslutade,
    arsarbetare: fte,
    ...extra,
  };
}

async function outcomeOf(bytes: Uint8Array, name = "fil.xlsx") {
  const [o] = await checkFiles([inMemoryFile(name, bytes)], catalog);
  return o!;
}

describe("a filled template read back", () => {
  it("reads every value through the defined names, typed text and decimal commas included", async () => {
    const filled = fillByNames(
      await template("Team Norr"),
      teamValues(20, 5, 3, 2, "2,5", {
        patienter_nya: "5 st",
        sip_moten: " 1 234 ",
        kval_samverkan_analys: "Bra samverkan",
        register_senior_alert: "Ja",
        kval_delaktighet_metod: "Enkät",
      }),
    );
    const o = await outcomeOf(filled, "norr.xlsx");
    expect(o.status).toBe("read");
    expect(o.report).toMatchObject({
      uppdragId: psyk.id,
      templateVersion: psyk.version,
      unit: "Team Norr",
      period: "2025H1",
      file: "norr.xlsx",
    });
    expect(o.report!.values).toMatchObject({
      patienter_start: { kind: "number", value: 20 },
      patienter_nya: { kind: "number", value: 5 },
      arsarbetare: { kind: "number", value: 2.5 },
      sip_moten: { kind: "number", value: 1234 },
      kval_samverkan_analys: { kind: "text", value: "Bra samverkan" },
      register_senior_alert: { kind: "yesNo", value: true },
      kval_delaktighet_metod: { kind: "text", value: "Enkät" },
      lex_maria: { kind: "missing" },
    });
  });

  it("names the sheet and cell of a value that is not a number, an error value and a broken flow", async () => {
    const filled = fillByNames(
      await template("Team Syd"),
      teamValues(20, 5, 3, 2, 2, { patienter_nya: "ca 5", pas_antal: { error: "#DIV/0!" } }),
    );
    const o = await outcomeOf(filled, "syd.xlsx");
    const nya = o.problems.find((p) => p.measureId === "patienter_nya")!;
    expect(nya).toMatchObject({
      code: "notANumber",
      location: { file: "syd.xlsx", sheet: "Verksamhetsmått" },
    });
    expect(nya.location!.cell).toMatch(/^C\d+$/);
    expect(o.problems.find((p) => p.measureId === "pas_antal")).toMatchObject({
      code: "errorValue",
      params: { input: "#DIV/0!" },
    });
  });

  it("survives inserted rows and a renamed sheet, as Excel moves the names along", async () => {
    let bytes = fillByNames(await template("Team Väst"), teamValues(10, 2, 1, 1, 1.5));
    bytes = insertRows(bytes, "Verksamhetsmått", 6, 3);
    bytes = renameSheet(bytes, "Verksamhetsmått", "Våra siffror");
    const o = await outcomeOf(bytes);
    expect(o.report!.values.patienter_slut).toEqual({ kind: "number", value: 11 });
    expect(o.report!.locations!.patienter_slut!.sheet).toBe("Våra siffror");
  });

  it("falls back to the labels when the names are lost, and says so", async () => {
    const bytes = dropNames(fillByNames(await template("Team Öst"), teamValues(10, 2, 1, 1, 1.5)));
    const o = await outcomeOf(bytes);
    expect(o.status).toBe("read");
    expect(o.report!.unit).toBe("Team Öst");
    expect(o.report!.values.patienter_slut).toEqual({ kind: "number", value: 11 });
    // Said once for the file, not once per input; where each value was read is in readByLabel.
    expect(o.problems.filter((p) => p.code === "nameMissingUsedLabel")).toEqual([]);
    expect(o.problems.filter((p) => p.code === "namesMissingUsedLabels")).toEqual([
      expect.objectContaining({ severity: "varning", location: { file: "fil.xlsx" } }),
    ]);
    expect(o.readByLabel!.length).toBeGreaterThan(5);
    expect(o.readByLabel).toContainEqual({
      measureId: "patienter_slut",
      measure: "Antal patienter vid periodens slut",
      sheet: "Verksamhetsmått",
      cell: o.report!.locations!.patienter_slut!.cell,
    });
  });

  it("keeps the note on its cell when a single name is lost", async () => {
    const bytes = dropNames(fillByNames(await template("Team Öst"), teamValues(10, 2, 1, 1, 1.5)), [
      "U_patienter_slut",
    ]);
    const o = await outcomeOf(bytes);
    expect(o.problems.filter((p) => p.code === "nameMissingUsedLabel")).toEqual([
      expect.objectContaining({
        measureId: "patienter_slut",
        location: expect.objectContaining({ sheet: "Verksamhetsmått" }),
      }),
    ]);
    expect(o.readByLabel).toBeUndefined();
  });

  it("reads the wait-time cases of a Demenscenter workbook", async () => {
    const bytes = fillByNames(await template("Demenscenter", ["demenscenter"], oppna), {
      demens_utredningar: 3,
      demens_vantetid: [12, "40", 7],
      brukare_demenscenter: 55,
    });
    const o = await outcomeOf(bytes);
    expect(o.report!.parts).toEqual(["demenscenter"]);
    expect(o.report!.values.demens_vantetid).toEqual({ kind: "list", values: [12, 40, 7] });
    expect(o.report!.values.brukare_anhorigcenter).toBeUndefined();
  });

  it("names a case's own cell in a wait-time warning or error, not the whole list", async () => {
    const bytes = fillByNames(await template("Demenscenter", ["demenscenter"], oppna), {
      demens_utredningar: 4,
      demens_vantetid: [12, 45, "ca 5", 7],
      brukare_demenscenter: 55,
    });
    const o = await outcomeOf(bytes, "dc.xlsx");
    const list = o.report!.locations!.demens_vantetid!;
    const first = Number(/^C(\d+):C\d+$/.exec(list.cell!)![1]);
    const ofList = o.problems.filter(
      (p) => p.measureId === "demens_vantetid" && p.code !== "listCountMismatch",
    );
    expect(ofList.map((p) => [p.code, p.location])).toEqual([
      ["notANumber", { file: "dc.xlsx", sheet: list.sheet, cell: `C${first + 2}` }],
      ["unusuallyHigh", { file: "dc.xlsx", sheet: list.sheet, cell: `C${first + 1}` }],
    ]);
  });

  it.each(["xls", "ods"] as const)("reads a copy saved as .%s", async (bookType) => {
    const bytes = convert(fillByNames(await template("Team Norr"), teamValues(20, 5, 3, 2, 2.5)), bookType);
    const o = await outcomeOf(bytes, `norr.${bookType}`);
    expect(o.status).toBe("read");
    expect(o.report!.values.patienter_slut).toEqual({ kind: "number", value: 22 });
    expect(o.report!.values.arsarbetare).toEqual({ kind: "number", value: 2.5 });
  });
});

describe("files that cannot be used", () => {
  it.each([
    ["an empty file", new Uint8Array(0), "emptyFile"],
    ["a text file", new TextEncoder().encode("Enhet;Värde\nNorr;12\n"), "notAWorkbook"],
    [
      "a zip that is no workbook",
      new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]),
      "notAWorkbook",
    ],
  ])("rejects %s with a clear message", async (_what, bytes, code) => {
    const o = await outcomeOf(bytes as Uint8Array, "x.xlsx");
    expect(o.status).toBe("rejected");
    expect(o.reason).toMatchObject({ code, location: { file: "x.xlsx" } });
  });

  it("rejects a password-protected (encrypted) workbook", async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, "/EncryptionInfo", new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, "/EncryptedPackage", new Uint8Array(64));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: "array" }) as number[]);
    expect((await outcomeOf(bytes, "lösen.xlsx")).reason).toMatchObject({ code: "passwordProtected" });
  });

  it("rejects a workbook that is not one of our templates", async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Antal patienter", 12]]), "Blad1");
    const bytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    expect((await outcomeOf(bytes)).reason).toMatchObject({ code: "notATemplate" });
  });

  it("rejects another uppdrag and another template version", async () => {
    const bytes = await template("Team Norr");
    expect((await outcomeOf(setMeta(bytes, "uppdrag", "hemtjanst"))).reason).toMatchObject({
      code: "unknownUppdrag",
      params: { uppdrag: "hemtjanst" },
    });
    expect((await outcomeOf(setMeta(bytes, "mallversion", "2024.1"))).reason).toMatchObject({
      code: "unknownVersion",
      params: { found: "2024.1", expected: psyk.version },
    });
  });
});

describe("rolling up filled files", () => {
  const teams: [string, number, number, number, number, number][] = [
    ["Team Norr", 22, 5, 3, 2, 2.5],
    ["Team Söder", 18, 4, 2, 2, 2.25],
    ["Team Väster", 15, 3, 4, 1, 1.5],
  ];

  it("gives level-2 figures equal to a hand computation, in the workbook as live formulas", async () => {
    const files = await Promise.all(
      teams.map(async ([unit, s, n, a, pas, fte]) =>
        inMemoryFile(`${unit}.xlsx`, fillByNames(await template(unit), teamValues(s, n, a, pas, fte))),
      ),
    );
    const outcomes = await checkFiles(files, catalog);
    const collected = rollupFiles(outcomes, catalog, {
      expectedUnits: [...teams.map(([u]) => ({ unit: u })), { unit: "Team Centrum" }],
    })!;

    // By hand:
    const slut = teams.map(([, s, n, a]) => s + n - a); // 24, 20, 14
    const sumSlut = slut.reduce((x, y) => x + y, 0); // 58
    const sumPas = teams.reduce((x, t) => x + t[4], 0); // 5
    const fig = (id: string) => collected.result.figures.find((f) => f.measureId === id)!;
    expect(fig("patienter_slut").value).toBe(58);
    expect(fig("patienter_slut").value).toBe(sumSlut);
    expect(fig("patienter_nya").value).toBe(5 + 4 + 3);
    expect(fig("arsarbetare").value).toBe(6.25);
    expect(fig("patienter_per_pas").value).toBeCloseTo(sumSlut / sumPas, 12);
    expect(fig("patienter_slut").missing).toEqual(["Team Centrum"]);

    const wb = XLSX.read(await writeLevel2(collected), { type: "array" });
    const summary = wb.Sheets[LEVEL2_SHEETS.summary]!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(summary, { header: 1, raw: true });
    const header = rows.find((r) => r[0] === "Mått" && r.includes("Nivå 2"))!;
    const level2Col = header.indexOf("Nivå 2");
    const idCol = header.indexOf("Mått-id");
    const rowIndex = rows.findIndex((r) => r[idCol] === "patienter_slut");
    const cell = summary[XLSX.utils.encode_cell({ r: rowIndex, c: level2Col })]!;
    expect(cell.v).toBe(58);
    expect(cell.f).toMatch(/^SUM\(/);
    const perPas =
      summary[
        XLSX.utils.encode_cell({ r: rows.findIndex((r) => r[idCol] === "patienter_per_pas"), c: level2Col })
      ]!;
    expect(perPas.v).toBeCloseTo(58 / 5, 9);
    expect(perPas.f).toContain("SUMPRODUCT(");

    const filesSheet = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets[LEVEL2_SHEETS.files]!);
    expect(filesSheet.map((r) => r.Status)).toEqual(["Används", "Används", "Används", "Saknas"]);
    expect(filesSheet[0]!["SHA-256"]).toMatch(/^[0-9a-f]{64}$/);
    const data = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets[LEVEL2_SHEETS.data]!);
    expect(
      data.filter((r) => r["mått_id"] === "patienter_slut" && r["nivå"] === 3).map((r) => r["värde"]),
    ).toEqual(slut);
  });
});

describe(
  soffice ? "files saved by LibreOffice" : "files saved by LibreOffice (skipped: soffice not on PATH)",
  () => {
    const maybe = soffice ? it : it.skip;
    maybe.each([
      ["xlsx", "xlsx:Calc MS Excel 2007 XML"],
      ["ods", "ods"],
    ])(
      "reads a filled template that LibreOffice saved as .%s",
      async (ext, filter) => {
        const filled = fillByNames(
          await template("Team Norr"),
          teamValues(20, 5, 3, 2, "2,5", { kval_samverkan_analys: "Bra" }),
        );
        const { status, files, dir } = convertWithLibreOffice(filled, filter, "norr.xlsx");
        try {
          expect(status).toBe(0);
          const saved = files.find((f) => f.endsWith(`.${ext}`))!;
          const o = await outcomeOf(new Uint8Array(fs.readFileSync(saved)), `norr.${ext}`);
          expect(o.status).toBe("read");
          expect(o.report!.values).toMatchObject({
            patienter_slut: { kind: "number", value: 22 },
            arsarbetare: { kind: "number", value: 2.5 },
            kval_samverkan_analys: { kind: "text", value: "Bra" },
          });
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
      180_000,
    );

    maybe(
      "reads the names of a LibreOffice .ods file (sheet names with spaces included) without library noise on the console",
      async () => {
        const filled = fillByNames(
          await template("Team Norr"),
          teamValues(20, 5, 3, 2, 2, { lex_maria: 1, register_palliativ: "Ja" }),
        );
        const { status, files, dir } = convertWithLibreOffice(filled, "ods", "norr.xlsx");
        const printed = jest.spyOn(console, "error");
        try {
          expect(status).toBe(0);
          const o = await outcomeOf(
            new Uint8Array(fs.readFileSync(files.find((f) => f.endsWith(".ods"))!)),
            "norr.ods",
          );
          expect(printed).not.toHaveBeenCalled();
          expect(o.problems.filter((p) => /^names?Missing/.test(p.code))).toEqual([]);
          // Inputs on the sheet "Grundläggande uppföljning", whose name LibreOffice writes quoted.
          expect(o.report!.values).toMatchObject({
            lex_maria: { kind: "number", value: 1 },
            register_palliativ: { kind: "yesNo", value: true },
          });
          expect(o.report!.locations!.lex_maria).toMatchObject({
            sheet: "Grundläggande uppföljning",
            cell: expect.stringMatching(/^C\d+$/),
          });
        } finally {
          printed.mockRestore();
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
      180_000,
    );
  },
);
