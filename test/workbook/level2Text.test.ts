/**
 * Text written to level 2 (xlsx) and to CSV is what a spreadsheet can hold: no characters XML
 * cannot carry (one U+FFFF in a unit name made LibreOffice show every text cell of niva2.xlsx
 * empty) and no cell longer than Excel's 32 767 characters (a duplicate's Orsak listing 500 files).
 */
import * as fs from "node:fs";
import * as XLSX from "xlsx";
import { writeLevel2, LEVEL2_SHEETS } from "../../src/workbook/writeLevel2";
import { cellText, EXCEL_CELL_LIMIT, xmlSafe } from "../../src/core/cellText";
import { csvCell } from "../../src/core/csv";
import { psyk } from "../core/builders";
import { collectedFor, fixtureReports } from "./level2Fixture";
import { convertWithLibreOffice, soffice } from "../helpers/libreoffice";

const HOSTILE_UNIT = "Enhet \uffff\u0001Norr\ud800";

function hostileLevel2(): Promise<Uint8Array> {
  const reports = fixtureReports(psyk());
  reports[0] = { ...reports[0]!, unit: HOSTILE_UNIT };
  return writeLevel2(collectedFor(psyk(), reports));
}

const allText = (wb: XLSX.WorkBook) =>
  wb.SheetNames.flatMap((n) =>
    XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[n]!, { header: 1 }).flat(),
  ).filter((v): v is string => typeof v === "string");

it("a unit name with U+FFFF, a control character and a lone surrogate leaves every cell readable", async () => {
  const wb = XLSX.read(await hostileLevel2());
  const texts = allText(wb);
  expect(texts).toContain("Enhet Norr");
  // eslint-disable-next-line no-control-regex -- U+0001 is one of the hostile characters under test
  expect(texts.filter((t) => /[\uffff\u0001]|[\ud800-\udbff](?![\udc00-\udfff])/.test(t))).toEqual([]);
});

(soffice ? it : it.skip)(
  "LibreOffice reads the text cells of that niva2.xlsx",
  async () => {
    const converted = convertWithLibreOffice(
      await hostileLevel2(),
      // Every sheet to its own CSV (the last token -1): Nivå 2 is no longer the first sheet.
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "niva2.xlsx",
    );
    try {
      const csv = fs.readFileSync(
        converted.files.find((f) => f.endsWith("Nivå 2.csv"))!,
        "utf8",
      );
      expect(csv).toContain("Sammanställning nivå 2");
      expect(csv).toContain("Enhet Norr");
    } finally {
      fs.rmSync(converted.dir, { recursive: true, force: true });
    }
  },
  120_000,
);

it("a duplicate's Orsak naming 500 files is cut to a cell's limit, with a note", async () => {
  const base = fixtureReports(psyk())[0]!;
  const reports = Array.from({ length: 500 }, (_, i) => ({
    ...base,
    file: `inkorgen/enheternas-svar/${String(i).padStart(3, "0")}-${"x".repeat(70)}.xlsx`,
  }));
  const wb = XLSX.read(await writeLevel2(collectedFor(psyk(), reports)));
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets[LEVEL2_SHEETS.files]!);
  expect(rows).toHaveLength(500);
  const orsak = String(rows[0]!["Orsak"]);
  expect(orsak.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
  expect(orsak).toMatch(/avkortad: texten är [\d ]+ tecken, en cell rymmer 32 767\]$/);
  expect(orsak).toContain("000-xxx");
  for (const t of allText(wb)) expect(t.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
});

describe("cellText", () => {
  it("removes what XML cannot hold and keeps what it can", () => {
    expect(xmlSafe("a\u0000b\u0008c\u000bd\ufffe\uffffe\ud83d")).toBe("abcde");
    expect(xmlSafe("tab\tnl\nå 😀 \u00a0")).toBe("tab\tnl\nå 😀 \u00a0");
  });

  it("leaves text at the limit whole and never splits a surrogate pair when cutting", () => {
    expect(cellText("x".repeat(EXCEL_CELL_LIMIT))).toBe("x".repeat(EXCEL_CELL_LIMIT));
    const cut = cellText("😀".repeat(EXCEL_CELL_LIMIT));
    expect(cut.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it("CSV cells get the same treatment", () => {
    expect(csvCell("Enhet \uffffNorr")).toBe("Enhet Norr");
    expect(csvCell("y".repeat(40_000)).length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
  });
});
