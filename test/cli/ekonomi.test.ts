/**
 * `uppfoljning ekonomi <budgetfil>`: 003's Driftredovisning as CSV (Swedish number text) and as
 * xlsx is read the same way without errors; a planted Summa mistake gives exit 1 naming row and
 * column; an unreadable file gives exit 2; --json lists the problem.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "xlsx";
import { cli } from "./helpers";
import { DRIFT_003 } from "../core/finance/drift003";

type Row = (string | number | null)[];
const DRIFT: Row[] = DRIFT_003.map((r) => [...r]);

/** As finance's export prints it: space thousands, minus sign U+2212 in places, semicolons. */
const swedishText = (n: number) =>
  `${n < 0 ? "\u2212" : ""}${Math.abs(n).toLocaleString("en-US").replace(/,/g, " ")}`;
const csvOf = (rows: Row[]) =>
  rows
    .map((r) =>
      r
        .map((c) =>
          c === null ? "" : typeof c === "number" && Math.abs(c) >= 3000 ? swedishText(c) : String(c),
        )
        .join(";"),
    )
    .join("\r\n");

function xlsxOf(rows: Row[], sheet = "Drift", origin = "A1"): Buffer {
  const book = XLSX.utils.book_new();
  const ws = XLSX.utils.sheet_add_aoa(XLSX.utils.aoa_to_sheet([]), rows, { origin });
  // Excel stores the used range only (B3:I10), not from A1 as aoa_to_sheet does.
  const start = XLSX.utils.decode_cell(origin);
  ws["!ref"] = XLSX.utils.encode_range({ s: start, e: XLSX.utils.decode_range(ws["!ref"]!).e });
  XLSX.utils.book_append_sheet(book, ws, sheet);
  return XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ekonomi-"));
  fs.writeFileSync(path.join(dir, "drift.csv"), csvOf(DRIFT), "utf8");
  fs.writeFileSync(path.join(dir, "drift.xlsx"), xlsxOf(DRIFT));
  const planted = DRIFT.map((r) => [...r]);
  planted[7]![2] = -358261; // Summa Kostnader 2021 off by 1 000 tkr
  fs.writeFileSync(path.join(dir, "fel.xlsx"), xlsxOf(planted));
  fs.writeFileSync(path.join(dir, "forskjuten.xlsx"), xlsxOf(planted, "Drift", "B3"));
  fs.writeFileSync(path.join(dir, "trasig.xlsx"), Buffer.from([0x50, 0x4b, 3, 4, 1, 2, 3]));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("uppfoljning ekonomi", () => {
  it("reads the CSV and the xlsx with the same recognition and no errors", async () => {
    const csv = await cli(["ekonomi", "drift.csv"], dir);
    const xlsx = await cli(["ekonomi", "drift.xlsx"], dir);
    expect([csv.code, xlsx.code]).toEqual([0, 0]);
    const recognition = (out: string) => out.split("\n").filter((l) => l.startsWith("  "));
    expect(recognition(csv.out)).toEqual(recognition(xlsx.out));
    expect(csv.out).toContain('Kolumn C ("2021 / Kostnader")');
    expect(csv.out).toContain("Belopp i tkr (enligt rubriken)");
    expect(csv.out).toContain('Rad 8 ("Summa") summerar rad 4–7');
    expect(csv.out).toMatch(/^0 fel, /m);
    expect(xlsx.out).toContain("drift.xlsx, blad Drift:");
  });

  it("reads Excel's Windows-1252 CSV with the en dash minus (byte 0x96) as negative", async () => {
    // Latin-1 bytes of the text with U+0096, which is byte 0x96: the en dash in Windows-1252.
    const text = csvOf(DRIFT).replace(/\u2212/g, "\u0096");
    fs.writeFileSync(path.join(dir, "drift1252.csv"), Buffer.from(text, "latin1"));
    const r = await cli(["ekonomi", "drift1252.csv", "--json"], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.rows[0]).toMatchObject({
      label: "Övergripande",
      amounts: [3246, -12135, -8889, 2067, -14053, -11986, -3097],
    });
    expect(json.summary.errors).toBe(0);
  });

  it("flags a planted Summa mistake with exit 1, naming row and column", async () => {
    const r = await cli(["ekonomi", "fel.xlsx"], dir);
    expect(r.code).toBe(1);
    const errorLines = r.out.split("\n").filter((l) => l.startsWith("Fel:"));
    // The wrong cost sum is also a wrong netto in the same row: both are named at their cell.
    expect(errorLines).toHaveLength(2);
    expect(errorLines[0]).toContain("cell C8: Rad 8, kolumn C (Summa, 2021, kostnader)");
    expect(errorLines[1]).toContain("cell D8");
    expect(r.out).toMatch(/^2 fel, /m);
  });

  it("names Excel's own cells when the table does not start at A1", async () => {
    const r = await cli(["ekonomi", "forskjuten.xlsx", "--json"], dir);
    const json = JSON.parse(r.out);
    expect(
      json.problems
        .filter((p: { severity: string }) => p.severity === "fel")
        .map((p: { cell: string }) => p.cell),
    ).toEqual(["D10", "E10"]);
  });

  it("--json parses and lists the problem with code, severity, message and cell", async () => {
    const r = await cli(["ekonomi", "fel.xlsx", "--json"], dir);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.format).toBe("uppfoljning/ekonomi@1");
    expect(json.unit).toBe("tkr");
    expect(json.columns.map((c: { column: string; kind: string }) => `${c.column}:${c.kind}`)).toEqual([
      "B:intakter",
      "C:kostnader",
      "D:netto",
      "E:intakter",
      "F:kostnader",
      "G:netto",
      "H:skillnad",
    ]);
    expect(json.rows[4]).toMatchObject({ row: 8, label: "Summa", isSumma: true });
    expect(json.rows[4].amounts[1]).toBe(-358261);
    const errors = json.problems.filter((p: { severity: string }) => p.severity === "fel");
    expect(errors.map((p: { code: string; cell: string }) => `${p.code}@${p.cell}`)).toEqual([
      "financeSumMismatch@C8",
      "financeNetMismatch@D8",
    ]);
    expect(errors[0]).toMatchObject({ file: "fel.xlsx", sheet: "Drift" });
    expect(errors[0].message).toContain("summan är -358 261");
    expect(json.summary.errors).toBe(2);
  });

  it("gives exit 2 and a Swedish message naming an unreadable file, a missing file and a missing sheet", async () => {
    const broken = await cli(["ekonomi", "trasig.xlsx"], dir);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/^Fel: .*trasig\.xlsx/);
    expect(broken.err).not.toMatch(/at \w+ \(/);
    const missing = await cli(["ekonomi", "saknas.csv"], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("Filen saknas.csv finns inte.");
    const sheet = await cli(["ekonomi", "drift.xlsx", "--blad", "Budget"], dir);
    expect(sheet.code).toBe(2);
    expect(sheet.err).toContain('drift.xlsx har inget blad "Budget" (bladen heter "Drift")');
  });
});
