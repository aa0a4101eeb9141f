/**
 * `uppfoljning rapport` on real files: the Word report names the missing unit and the rejected
 * file, its appendix gives each source file's SHA-256 as node:crypto computes it from the bytes,
 * and LibreOffice renders it to a PDF whose text shows the title, the key-figure table, the
 * charts and the appendix.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { cli } from "./helpers";
import { requireUppdrag } from "../../src/cli/catalog";
import { sampleValues } from "../../src/cli/sampleData";
import { writeTemplate } from "../../src/workbook/template";
import { fillTemplate } from "../../src/workbook/fill";
import { templateFileName } from "../../src/workbook/fileNames";
import { docxParts, tables } from "../workbook/docxText";
import { convertWithLibreOffice, soffice } from "../helpers/libreoffice";

const UPPDRAG = "psykiatrisk-hemsjukvard";
const PERIOD = "2025H1";
/** Patients at start, new, closed: the patients at the end follow, and every patient has a SIP. */
const UNITS: [string, number, number, number][] = [
  ["Team Norr", 22, 5, 3],
  ["Team Söder", 18, 4, 2],
  ["Team Väster", 15, 3, 4],
];
const ABSENT = "Team Centrum";

let dir: string;
let received: string;
let expected: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-rapport-"));
  received = path.join(dir, "inkommet");
  fs.mkdirSync(received);
  const uppdrag = requireUppdrag(UPPDRAG);
  for (const [i, [unit, start, nya, avslutade]] of UNITS.entries()) {
    const template = await writeTemplate(uppdrag, { unit, period: PERIOD });
    const values = {
      ...sampleValues(uppdrag, 2000 + i),
      patienter_start: start,
      patienter_nya: nya,
      patienter_avslutade: avslutade,
      patienter_slut: start + nya - avslutade,
      sip_patienter: start + nya - avslutade,
      pas_antal: 2,
      arsarbetare: 2,
    };
    fs.writeFileSync(
      path.join(received, templateFileName(uppdrag, PERIOD, unit)),
      await fillTemplate(template, values),
    );
  }
  fs.writeFileSync(path.join(received, "trasig.xlsx"), "det här är ingen arbetsbok");
  expected = path.join(dir, "enheter.txt");
  fs.writeFileSync(expected, [...UNITS.map(([u]) => u), ABSENT].join("\n"), "utf8");
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Last period's files for the same units, each with `start` patients at the end (hand-made history). */
async function earlierPeriod(folder: string, slut: number[]): Promise<void> {
  const uppdrag = requireUppdrag(UPPDRAG);
  const files = path.join(dir, "forra");
  fs.mkdirSync(files, { recursive: true });
  for (const [i, [unit]] of UNITS.entries()) {
    const template = await writeTemplate(uppdrag, { unit, period: "2024H2" });
    const end = slut[i] ?? 0;
    const values = {
      ...sampleValues(uppdrag, 3000 + i),
      patienter_start: end,
      patienter_nya: 0,
      patienter_avslutade: 0,
      patienter_slut: end,
      sip_patienter: end,
      pas_antal: 2,
      arsarbetare: 2,
    };
    fs.writeFileSync(
      path.join(files, templateFileName(uppdrag, "2024H2", unit)),
      await fillTemplate(template, values),
    );
  }
  const run = await cli(["rollup", files, "--out", path.join(folder, "niva2_2024H2.xlsx")], dir);
  expect(run.err).toBe("");
}

async function writeReportFile(): Promise<{ code: number; out: string; bytes: Uint8Array }> {
  const file = path.join(dir, "rapport.docx");
  const run = await cli(["rapport", received, "--enheter", expected, "--out", file], dir);
  return { code: run.code, out: run.out, bytes: new Uint8Array(fs.readFileSync(file)) };
}

describe("uppfoljning rapport", () => {
  let report: Awaited<ReturnType<typeof writeReportFile>>;
  beforeAll(async () => {
    report = await writeReportFile();
  }, 60_000);

  it("writes the report and says what it used, what is missing and what it rejected", () => {
    // 2: a file could not be read (as rollup says); the report is written all the same.
    expect(report.code).toBe(2);
    expect(report.out).toContain("Rapport för Psykiatrisk hemsjukvård och hemrehabilitering, Halvår 1 2025:");
    expect(report.out).toContain(`Saknas: ${ABSENT}`);
    expect(report.out).toContain(`Avvisad: ${path.join("inkommet", "trasig.xlsx")}`);
  });

  it("gives every source file's SHA-256 as node:crypto computes it from the file's bytes", () => {
    const appendix = tables(docxParts(report.bytes)["word/document.xml"] ?? "").at(-1);
    const rows = appendix?.rows.slice(1) ?? [];
    const files = fs.readdirSync(received).sort();
    expect(rows.map((r) => path.basename(r[0] ?? "")).sort()).toEqual(files);
    for (const row of rows) {
      const bytes = fs.readFileSync(path.join(received, path.basename(row[0] ?? "")));
      expect([row[0], row[2]]).toEqual([row[0], createHash("sha256").update(bytes).digest("hex")]);
    }
  });

  it("refuses an output name that is not .docx, before reading anything", async () => {
    const run = await cli(["rapport", received, "--out", path.join(dir, "rapport.xlsx")], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain("ska sluta på .docx");
  });

  (soffice ? it : it.skip)(
    "renders in LibreOffice: the PDF shows the title, the key-figure table, the charts and the appendix",
    () => {
      const pdf = convertWithLibreOffice(report.bytes, "pdf", "rapport.docx");
      try {
        expect(pdf.files.map((f) => path.basename(f))).toEqual(["rapport.pdf"]);
        const file = pdf.files[0] ?? "";
        const text = spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).stdout;
        expect(text).toContain("Uppföljning av Psykiatrisk");
        expect(text).toContain("Rapport till nämnden – Halvår 1 2025");
        expect(text).toMatch(/Mått\s+Halvår/);
        // The patients at the end, summed by hand over the three units: 24 + 20 + 14.
        expect(text).toMatch(/Antal patienter vid periodens slut[\s\S]{0,200}?\s58\s/);
        expect(text).toContain(`${ABSENT}`);
        expect(text).toContain("trasig.xlsx avvisades");
        expect(text).toContain("Bilaga: källfiler");
        const hash = createHash("sha256")
          .update(fs.readFileSync(path.join(received, "trasig.xlsx")))
          .digest("hex");
        expect(text.replace(/\s+/g, "")).toContain(hash);
        // A chart's own text (its title, drawn by LibreOffice's chart engine) is in the page.
        expect(text).toMatch(/Antal patienter vid periodens slut per enhet/);
        // Page 1 as an image, for a person to look at (kept when UPPFOLJNING_REPORT_PNG names a file).
        const png = path.join(pdf.dir, "sida");
        spawnSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", file, png]);
        expect(fs.statSync(`${png}.png`).size).toBeGreaterThan(10_000);
        if (process.env.UPPFOLJNING_REPORT_PNG)
          fs.copyFileSync(`${png}.png`, process.env.UPPFOLJNING_REPORT_PNG);
      } finally {
        fs.rmSync(pdf.dir, { recursive: true, force: true });
      }
    },
    180_000,
  );

  it("with --historik and --mal: last period, the change and the target status, as computed by hand", async () => {
    const history = path.join(dir, "historik");
    fs.mkdirSync(history, { recursive: true });
    await earlierPeriod(history, [20, 20, 10]);
    const targets = path.join(dir, "mal.csv");
    fs.writeFileSync(targets, "mått_id;målvärde;riktning;tolerans\npatienter_slut;60;högre;3\n", "utf8");
    const file = path.join(dir, "rapport-historik.docx");
    const run = await cli(
      ["rapport", received, "--enheter", expected, "--historik", history, "--mal", targets, "--out", file],
      dir,
    );
    expect(run.err).toBe("");
    const keyTable = tables(docxParts(new Uint8Array(fs.readFileSync(file)))["word/document.xml"] ?? "")[0];
    expect(keyTable?.rows[0]).toEqual([
      "Mått",
      "Halvår 2 2024",
      "Halvår 1 2025 (nu)",
      "Ändring",
      "Mål",
      "Status",
    ]);
    // 24 + 20 + 14 = 58 now, 20 + 20 + 10 = 50 before: +8; 58 is below 60 but within the tolerance 3: nära.
    expect(keyTable?.rows.find((r) => r[0]?.startsWith("Antal patienter vid periodens slut"))).toEqual([
      "Antal patienter vid periodens slut (patienter)",
      "50",
      "58",
      "+8",
      "minst 60",
      "nära",
    ]);
  }, 120_000);
});
