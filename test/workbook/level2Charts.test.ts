/**
 * The Diagram sheet of the level-2 workbook: every chart part is valid DrawingML whose cached
 * values equal both the cells its references name and the figures computed here by hand; the
 * workbook still opens in exceljs and SheetJS and its Data sheet still reads back; and
 * LibreOffice draws the charts (their colours are on the rendered page, their titles in its text).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import * as XLSX from "xlsx";
import { strFromU8, unzipSync } from "fflate";
import { writeLevel2 } from "../../src/workbook/writeLevel2";
import { readPeriodFile } from "../../src/workbook/readPeriodFile";
import { CHART_SHEET } from "../../src/workbook/level2Charts";
import { SERIES_COLOURS } from "../../src/workbook/chartXml";
import { LEVEL2_UNIT } from "../../src/core/tidy";
import type { Comparison, MeasureSeries } from "../../src/core/comparison/model";
import type { Measure, UnitReport } from "../../src/core/model";
import { catalog, collectedFor, fixtureReports, handFigure } from "./level2Fixture";
import { all, must, one, parseXml, points, type XmlNode } from "./xmlTree";

const uppdrag = must(catalog.uppdrag.find((u) => u.id === "lilla-edet-grunduppdrag"));
const reports = fixtureReports(uppdrag);
const collected = collectedFor(uppdrag, reports);
const figure = (m: Measure) => handFigure(m, reports);
/** A ratio, a pooled wait time and a sum, each with a level-2 figure: the key measures charted. */
const keyMeasures = (["ratio", "pooled", "sum"] as const).map((kind) =>
  must(uppdrag.measures.find((m) => m.aggregate === kind && figure(m) !== null)),
);
const EARLIER = ["2024H1", "2024H2"];
/** Hand-made history: level 2 missing in 2024H2 (a gap), unit "Enhet B" missing in 2024H2. */
const earlierLevel2 = (i: number) => [100 + i, undefined];
const earlierUnit = (unit: string, i: number) => (unit === "Enhet B" ? undefined : 10 * i + unit.length);

function comparison(): Comparison {
  const series: MeasureSeries[] = keyMeasures.flatMap((m, i) => [
    {
      measureId: m.id,
      unit: LEVEL2_UNIT,
      earlier: EARLIER.map((period, k) => ({ period, value: earlierLevel2(i)[k] })),
      current: { period: "2025H1", value: figure(m) ?? undefined },
      change: undefined,
      movedBeyondThreshold: false,
    },
    ...reports.map((r) => ({
      measureId: m.id,
      unit: r.unit,
      earlier: EARLIER.map((period) => ({ period, value: period === "2024H2" ? earlierUnit(r.unit, i) : 1 })),
      current: { period: "2025H1", value: undefined },
      change: undefined,
      movedBeyondThreshold: false,
    })),
  ]);
  const first = must(keyMeasures[0]);
  return {
    periods: EARLIER,
    series,
    targets: [
      {
        measureId: first.id,
        target: { measureId: first.id, target: 42, better: "högre", tolerance: 1 },
        value: undefined,
        status: "kan inte bedömas",
      },
    ],
    problems: [],
  };
}

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await writeLevel2(collected, {
    createdAt: new Date("2026-01-15T10:00:00Z"),
    keyMeasures: keyMeasures.map((m) => m.id),
    comparison: comparison(),
  });
});

const files = () => unzipSync(bytes);
const chartParts = () =>
  Object.keys(files())
    .filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
const chartDoc = (part: string) => parseXml(strFromU8(must(files()[part], part)));

/** The values of the cells a chart formula names ('Diagram'!$B$6:$B$9), blank as undefined. */
function cellsOf(book: XLSX.WorkBook, ref: string): (string | number | undefined)[] {
  const m = /^'(.+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref);
  if (!m) throw new Error(`not a chart reference: ${ref}`);
  const sheet = must(book.Sheets[must(m[1]).replace(/''/g, "'")], ref);
  const out: (string | number | undefined)[] = [];
  for (let r = Number(m[3]); r <= Number(m[5] ?? m[3]); r++) {
    const cell = sheet[`${m[2]}${r}`] as XLSX.CellObject | undefined;
    out.push(cell?.v === undefined || cell.v === null ? undefined : (cell.v as string | number));
  }
  return out;
}

/** A cache as an array (undefined where a point is missing), numbers parsed. */
function cached(cache: XmlNode, numeric: boolean): (string | number | undefined)[] {
  const { count, values } = points(cache);
  return Array.from({ length: count }, (_, i) => {
    const v = values.get(i);
    return v === undefined ? undefined : numeric ? Number(v) : v;
  });
}

describe("level-2 workbook charts", () => {
  it("has a line over the periods and columns per unit for each key measure, with the target as a series", () => {
    const parts = chartParts();
    expect(parts).toHaveLength(2 * keyMeasures.length);
    const types = strFromU8(must(files()["[Content_Types].xml"]));
    for (const p of parts) expect(types).toContain(`PartName="/${p}"`);
    const kinds = parts.map((p) => (all(chartDoc(p), "c:lineChart").length ? "line" : "bar"));
    expect(kinds).toEqual(keyMeasures.flatMap(() => ["line", "bar"]));
    const names = (p: string) => all(chartDoc(p), "c:ser").map((s) => cached(one(s, "c:strCache"), false)[0]);
    expect(names(must(parts[0]))).toEqual(["Nivå 2", "Mål"]);
    expect(names(must(parts[2]))).toEqual(["Nivå 2"]);
    expect(names(must(parts[1]))).toEqual(["Halvår 2 2024", "Halvår 1 2025"]);
  });

  it("caches in each chart exactly what its referenced cells hold, and those are the figures computed by hand", () => {
    const book = XLSX.read(bytes, { type: "array" });
    const parts = chartParts();
    keyMeasures.forEach((m, i) => {
      const [line, bar] = [chartDoc(must(parts[2 * i])), chartDoc(must(parts[2 * i + 1]))];
      for (const doc of [line, bar])
        for (const ser of all(doc, "c:ser")) {
          const cat = one(ser, "c:cat");
          const val = one(ser, "c:val");
          expect(cached(one(cat, "c:strCache"), false)).toEqual(cellsOf(book, one(cat, "c:f").text));
          expect(cached(one(val, "c:numCache"), true)).toEqual(cellsOf(book, one(val, "c:f").text));
        }
      // By hand: the level-2 line is the earlier figures (one missing: a gap) and today's figure.
      const [level2] = all(line, "c:ser");
      expect(cached(one(one(must(level2), "c:cat"), "c:strCache"), false)).toEqual([
        "Halvår 1 2024",
        "Halvår 2 2024",
        "Halvår 1 2025",
      ]);
      const today = must(figure(m));
      const values = cached(one(one(must(level2), "c:val"), "c:numCache"), true) as (number | undefined)[];
      expect(values.slice(0, 2)).toEqual(earlierLevel2(i));
      expect(values[2]).toBeCloseTo(today, 9);
      // The units' columns: each unit's own figure now, and its 2024H2 figure (Enhet B has none).
      const asked = reports.filter((r) => !m.part || !r.parts || r.parts.includes(m.part));
      const [before, now] = all(bar, "c:ser");
      expect(cached(one(one(must(now), "c:cat"), "c:strCache"), false)).toEqual(asked.map((r) => r.unit));
      const own = (r: UnitReport) => handFigure(m, [r]) ?? undefined;
      const nowValues = cached(one(one(must(now), "c:val"), "c:numCache"), true);
      asked.forEach((r, k) =>
        own(r) === undefined
          ? expect(nowValues[k]).toBeUndefined()
          : expect(nowValues[k]).toBeCloseTo(must(own(r)), 9),
      );
      expect(cached(one(one(must(before), "c:val"), "c:numCache"), true)).toEqual(
        asked.map((r) => earlierUnit(r.unit, i)),
      );
    });
  });

  it("still opens in exceljs and SheetJS, and the Data sheet reads back as it does without charts", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.getWorksheet(CHART_SHEET)).toBeDefined();
    const book = XLSX.read(bytes, { type: "array" });
    expect(book.SheetNames).toContain(CHART_SHEET);
    const plain = await writeLevel2(collected, {
      createdAt: new Date("2026-01-15T10:00:00Z"),
      keyMeasures: [],
      comparison: comparison(),
    });
    expect(XLSX.read(plain, { type: "array" }).SheetNames).not.toContain(CHART_SHEET);
    const withCharts = readPeriodFile(bytes, "niva2.xlsx");
    expect(withCharts.ok).toBe(true);
    expect(withCharts).toEqual(readPeriodFile(plain, "niva2.xlsx"));
  });

  it("is drawn by LibreOffice: titles and axis labels in the PDF's text, the series colours on the page", () => {
    const dir = mkdtempSync(join(tmpdir(), "charts-"));
    writeFileSync(join(dir, "niva2.xlsx"), bytes);
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        join(dir, "niva2.xlsx"),
      ],
      { stdio: "ignore", timeout: 180000 },
    );
    const pdf = join(dir, "niva2.pdf");
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf]).toString())?.[1]);
    const pageText = (n: number) =>
      execFileSync("pdftotext", ["-f", `${n}`, "-l", `${n}`, "-layout", pdf, "-"]).toString();
    const first = Array.from({ length: pages }, (_, i) => i + 1).find((n) =>
      pageText(n).includes("Diagram –"),
    );
    expect(first).toBeDefined();
    // Each chart has a page of its own: read the Diagram pages together.
    const diagramPages = Array.from({ length: pages - must(first) + 1 }, (_, i) => must(first) + i);
    const text = diagramPages.map(pageText).join("\f");
    expect(text).toContain(`${must(keyMeasures[0]).label} – över perioderna`);
    // A period is in the tables (line rows, column headers) and again in the charts (axis, legend).
    const times = (needle: string) => text.split(needle).length - 1;
    expect(times("Halvår 2 2024")).toBeGreaterThanOrEqual(4);
    expect(times("Enhet A")).toBeGreaterThanOrEqual(2); // the table row and the column's label
    execFileSync("pdftoppm", [
      "-f",
      `${first}`,
      "-l",
      `${first}`,
      "-r",
      "110",
      "-png",
      pdf,
      join(dir, "page"),
    ]);
    // The line chart's page and the column chart's page after it.
    execFileSync("pdftoppm", [
      "-f",
      `${first}`,
      "-l",
      `${must(first) + 1}`,
      "-r",
      "60",
      pdf,
      join(dir, "page"),
    ]);
    const images = readdirSync(dir)
      .filter((f) => f.endsWith(".ppm"))
      .map((f) => readPpm(readFileSync(join(dir, f))));
    expect(images).toHaveLength(2);
    // Pixels in the first two series colours (a line and a column): only a drawn chart has them.
    const near = (hex: string) => {
      const rgb = [0, 2, 4].map((k) => parseInt(hex.slice(k, k + 2), 16));
      let n = 0;
      for (const { width, height, pixels } of images)
        for (let p = 0; p < width * height; p++) {
          const d = rgb.reduce((sum, c, k) => sum + Math.abs((pixels[3 * p + k] ?? 0) - c), 0);
          if (d < 40) n++;
        }
      return n;
    };
    expect(near(must(SERIES_COLOURS[0]))).toBeGreaterThan(200);
    expect(near(must(SERIES_COLOURS[1]))).toBeGreaterThan(200);
    const png = readdirSync(dir).find((f) => f.endsWith(".png"));
    if (process.env.CHART_PNG)
      writeFileSync(process.env.CHART_PNG, readFileSync(join(dir, must(png, "png"))));
  });
});

/** A binary PPM (P6) as pdftoppm writes it. */
function readPpm(data: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 50).toString("latin1"));
  if (!header) throw new Error("not a PPM");
  return {
    width: Number(header[1]),
    height: Number(header[2]),
    pixels: new Uint8Array(data.buffer, data.byteOffset + header[0].length),
  };
}
