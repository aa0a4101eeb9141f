/**
 * The demo's level-2 workbook on paper: `uppfoljning demo` writes niva2.xlsx, LibreOffice prints
 * it to PDF, and pdftotext reads back what each page shows. Every page is A4 landscape and says
 * "Sida x av y"; every page of Nivå 2 carries the column headings and the whole width of the
 * table (its last printed column), the measures' labels and not their ids, unit figures rounded
 * as level 2 and counts of answers that say what they count; and on no page people read does text
 * print over other text (wrapped rows whose height LibreOffice would not fit itself).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { convertWithLibreOffice, pdftotext, soffice } from "../helpers/libreoffice";
import { cli } from "../cli/helpers";
import { catalog } from "./level2Fixture";
import { aggregationOf } from "../../src/core/aggregations";

/** A line of text on a page, with its box in points (origin top left). */
interface Line {
  text: string;
  words: { text: string; xMin: number }[];
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
interface Page {
  width: number;
  height: number;
  /** The page as pdftotext -layout sets it out. */
  text: string;
  lines: Line[];
  /** The sheet named in the footer, and the page numbers beside it. */
  sheet: string;
  number: number;
  of: number;
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"');

function readPdf(pdf: string): Page[] {
  const run = (args: string[]) => {
    const r = spawnSync(pdftotext ?? "pdftotext", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout;
  };
  const layout = run(["-layout", pdf, "-"]).split("\f");
  const boxes = run(["-bbox-layout", pdf, "-"]);
  const pages: Page[] = [];
  for (const [i, page] of [
    ...boxes.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g),
  ].entries()) {
    const lines = [
      ...(page[3] ?? "").matchAll(
        /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
      ),
    ].map((m): Line => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      words: [...(m[5] ?? "").matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((w) => ({
        xMin: Number(w[1]),
        text: decode(w[2] ?? ""),
      })),
      text: "",
    }));
    for (const line of lines) line.text = line.words.map((w) => w.text).join(" ");
    const text = layout[i] ?? "";
    const footer = /^\s*(\S.*?)\s{2,}Sida (\d+) av (\d+)\s*$/m.exec(text);
    pages.push({
      width: Number(page[1]),
      height: Number(page[2]),
      text,
      lines,
      sheet: footer?.[1] ?? "",
      number: Number(footer?.[2]),
      of: Number(footer?.[3]),
    });
  }
  return pages;
}

/** Pairs of lines on a page whose boxes cover each other: text printed over text. */
function overprints(page: Page): string[] {
  const out: string[] = [];
  const { lines } = page;
  lines.forEach((a, i) =>
    lines.slice(i + 1).forEach((b) => {
      const x = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const y = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (x > 1 && y > 0.3 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin))
        out.push(`"${a.text}" / "${b.text}"`);
    }),
  );
  return out;
}

/** The text of a page's first column (left of the x where `nextHeading` starts), line by line, as one string. */
function firstColumn(page: Page, nextHeading: string): string {
  const edge = page.lines.find((l) => l.text.startsWith(nextHeading))?.xMin ?? Infinity;
  return [...page.lines]
    .sort((a, b) => a.yMin - b.yMin)
    .flatMap((l) => l.words.filter((w) => w.xMin < edge).map((w) => w.text))
    .join(" ");
}

const demoUppdrag = catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard");
if (!demoUppdrag) throw new Error("the demo's uppdrag is not in templates/");
const uppdrag = demoUppdrag;
const FIRST_UNIT = "Team Norr";
const UNITS = [FIRST_UNIT, "Team Söder", "Team Väster", "Team Öster"];

const maybe = soffice && pdftotext ? describe : describe.skip;
maybe(
  soffice && pdftotext
    ? "the demo's level-2 workbook printed by LibreOffice"
    : "the demo's level-2 workbook printed by LibreOffice (skipped: soffice or pdftotext is not installed)",
  () => {
    let pages: Page[] = [];
    let summary: Page[] = [];
    let dir = "";
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-print-"));
      await cli(["demo", "--out-dir", path.join(dir, "demo")]);
      const converted = convertWithLibreOffice(
        fs.readFileSync(path.join(dir, "demo", "niva2.xlsx")),
        "pdf",
        "niva2.xlsx",
      );
      const pdf = converted.files.find((f) => f.endsWith(".pdf"));
      if (!pdf) throw new Error(`LibreOffice wrote no PDF: ${converted.stderr}`);
      pages = readPdf(pdf);
      summary = pages.filter((p) => p.sheet === "Nivå 2");
      fs.rmSync(converted.dir, { recursive: true, force: true });
    }, 300_000);
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("prints on A4 landscape pages numbered Sida x av y, Översikt on the first, Nivå 2 on the next three (57 Letter pages before)", () => {
      // The demo prints 25 pages: Översikt 1, Nivå 2 3, Ekonomi 2, Analyser 1, Ärenden 1, Filer 1,
      // Problem 1, Data 5 (a list for machines), Diagram 10 (a chart never straddles a page).
      expect(pages.length).toBeGreaterThanOrEqual(6);
      expect(pages.length).toBeLessThanOrEqual(30);
      const pagesOf = (sheet: string) => pages.filter((p) => p.sheet === sheet).length;
      expect(pagesOf("Ekonomi")).toBeGreaterThanOrEqual(1);
      expect(pagesOf("Ekonomi")).toBeLessThanOrEqual(2); // the key figures' columns fit two pages across
      expect(pagesOf("Diagram")).toBeGreaterThanOrEqual(1);
      for (const p of pages) {
        expect([p.width, p.height].map(Math.round)).toEqual([842, 595]);
        expect(p.text).toContain(uppdrag.name); // the header: the uppdrag …
        expect(p.text).toContain("Halvår 1 2025"); // … and the period
      }
      expect(pages.map((p) => [p.number, p.of])).toEqual(pages.map((_, i) => [i + 1, pages.length]));
      expect(summary.length).toBeGreaterThanOrEqual(1);
      expect(summary.length).toBeLessThanOrEqual(4);
      const overview = pages.filter((p) => p.sheet === "Översikt");
      expect(overview).toHaveLength(1);
      expect(pages[0]).toEqual(overview[0]);
      expect(pages.slice(1, 1 + summary.length)).toEqual(summary);
    });

    it("prints Översikt on one page: each key measure with the earlier period, target and status", () => {
      const page = pages.find((p) => p.sheet === "Översikt");
      const text = page?.lines.map((l) => l.text).join(" ") ?? "";
      for (const heading of [
        "Nyckelmått",
        "Halvår 2 2024",
        "Nu: Halvår 1 2025",
        "Förändring",
        "Mål",
        "Status",
      ])
        expect([heading, text.includes(heading)]).toEqual([heading, true]);
      for (const id of uppdrag.keyMeasures ?? []) {
        const label = uppdrag.measures.find((m) => m.id === id)?.label ?? id;
        expect([id, firstColumn(page!, "Enhet").includes(label)]).toEqual([id, true]);
      }
      expect(text).toMatch(/ej uppnått|uppnått|nära/);
      expect(text).toContain("Enheter som saknas: Team Centrum");
    });

    it("shows on every page of Nivå 2 the headings and the whole width of the table", () => {
      expect(summary.length).toBeGreaterThan(0);
      for (const p of summary) {
        const words = p.lines.map((l) => l.text).join(" ");
        // With the demo's history and targets: the earlier period, change, target and status too.
        for (const heading of [
          "Mått",
          "Måttenhet",
          ...UNITS,
          "Nivå 2",
          "Förändring",
          "Mål",
          "Status",
          "Så räknas nivå 2",
          "Underlag",
        ])
          expect([p.number, heading, words.includes(heading)]).toEqual([p.number, heading, true]);
        // The last printed column is on the page: nothing was pushed onto a page across.
        expect([p.number, /Kontroll mellan\s+måtten/.test(words)]).toEqual([p.number, true]);
        // Fit to the width did not shrink the text past reading (11 pt at 60 % or more).
        const heights = p.lines.map((l) => l.yMax - l.yMin).sort((a, b) => a - b);
        expect(heights[heights.length >> 1]).toBeGreaterThan(6);
      }
    });

    it("prints every level-2 measure by its label, never by its id", () => {
      const labels = summary.map((p) => firstColumn(p, "Måttenhet")).join(" ");
      const text = summary.map((p) => p.text).join("\n");
      const shown = uppdrag.measures.filter((m) => m.levels.includes(2) && !aggregationOf(m).sideBySide);
      expect(shown.length).toBeGreaterThan(20);
      for (const m of shown) {
        expect([m.id, labels.includes(m.label)]).toEqual([m.id, true]);
        // An id that is also a word of a label (tillsynsrapporter) cannot tell.
        if (!uppdrag.measures.some((x) => x.label.toLowerCase().includes(m.id)))
          expect([m.id, text.includes(m.id)]).toEqual([m.id, false]);
      }
      expect(text).not.toContain("Mått-id");
    });

    it("rounds the units' ratios as level 2 and says what a count of answers counts", () => {
      const text = summary.map((p) => p.text).join("\n");
      // Team Söder's share of patients with a SIP, 17 / 22 = 77.2727…
      expect(text).toMatch(/\b77[.,]3\b/);
      expect(text).not.toMatch(/77[.,]27/);
      const tallies = uppdrag.measures.filter((m) => m.aggregate === "tally").length;
      expect(text.match(/\b4 har svarat\b/g)).toHaveLength(tallies);
      expect(text).toMatch(/\b\d med Ja\b/);
    });

    it("prints the analyses one area a row with the units side by side, and no text over other text on any page", () => {
      const analyses = pages.filter((p) => p.sheet === "Analyser");
      expect(analyses.length).toBeGreaterThanOrEqual(1);
      const areas = analyses.map((p) => firstColumn(p, FIRST_UNIT)).join(" ");
      for (const m of uppdrag.measures.filter((x) => aggregationOf(x).sideBySide))
        expect([m.id, areas.includes(m.label)]).toEqual([m.id, true]);
      for (const p of analyses) for (const unit of UNITS) expect(p.text).toContain(unit);
      // The sheets people read wrap their text; Ärenden and Data are lists for machines, one line a
      // row, where a long text is cut at the next cell (its hidden rest is still in the PDF's text).
      const read = pages.filter((p) =>
        ["Översikt", "Nivå 2", "Analyser", "Filer", "Problem"].includes(p.sheet),
      );
      expect(read.length).toBeGreaterThanOrEqual(summary.length + 4);
      expect(read.map((p) => [p.sheet, p.number, overprints(p)])).toEqual(
        read.map((p) => [p.sheet, p.number, []]),
      );
    });
  },
);
