/**
 * The nämnd report (docx): its Word structure, its key figures against figures computed here by
 * hand (now, an earlier period, the change and the target status), its charts and their alt text,
 * and what it says about a missing unit, a rejected file and a duplicate.
 */
import type { UnitReport, Value } from "../../src/core/model";
import type { TargetSet } from "../../src/core/comparison/model";
import { compareWithHistory } from "../../src/core/comparison/history";
import { keyMeasuresOf } from "../../src/core/catalog";
import { tidyRows } from "../../src/core/tidy";
import { rollupFiles, type FileOutcome } from "../../src/workbook/collect";
import { writeReport } from "../../src/workbook/report/writeReport";
import { catalog, fixtureReports, handFigure } from "./level2Fixture";
import { docxParts, must, paragraphs, swedishNumber, tables, textOf } from "./docxText";

const psyk = must(catalog.uppdrag.find((u) => u.id === "psykiatrisk-hemsjukvard"));
const keyMeasures = keyMeasuresOf(psyk);
const now = fixtureReports(psyk);
/** Last period: every number one higher than now, so each change is known without the code. */
const before: UnitReport[] = now.map((r) => ({
  ...r,
  period: "2024H2",
  values: Object.fromEntries(
    Object.entries(r.values).map(([id, v]): [string, Value] => [
      id,
      v.kind === "number" ? { kind: "number", value: v.value + 1 } : v,
    ]),
  ),
}));

const outcome = (report: UnitReport, sha256: string): FileOutcome => ({
  file: report.file,
  sha256,
  status: "read",
  uppdrag: psyk,
  report,
  problems: [],
});
const hex = (n: number) => n.toString(16).padStart(64, "0");

function outcomesNow(): FileOutcome[] {
  const used = now.map((r, i) => outcome(r, hex(i + 1)));
  const copy = { ...outcome({ ...must(now[0]), file: "kopia-av-enhet-a.xlsx" }, hex(1)) };
  const rejected: FileOutcome = {
    file: "trasig.xlsx",
    sha256: hex(99),
    status: "rejected",
    reason: { code: "notAWorkbook", severity: "fel", params: { file: "trasig.xlsx" } },
    problems: [],
  };
  return [...used, copy, rejected];
}

/** Rounded as the report prints, with -0 as 0. */
const round1 = (n: number) => Math.round(n * 10) / 10 + 0;

/** Targets placed by hand around the figures now: one met, one near, one not met. */
function targetsFor(): { set: TargetSet; expected: Map<string, string> } {
  const [met, near, missed] = keyMeasures.filter((m) => handFigure(m, now) !== null).map((m) => m.id);
  if (!met || !near || !missed) throw new Error("the test needs three key measures with a figure");
  const fig = (id: string) => must(handFigure(must(psyk.measures.find((m) => m.id === id)), now));
  const set: TargetSet = {
    uppdrag: psyk.id,
    year: "2025",
    source: "mal.csv",
    targets: [
      { measureId: met, target: fig(met) - 1, better: "högre", tolerance: 0 },
      { measureId: near, target: fig(near) + 1, better: "högre", tolerance: 5 },
      { measureId: missed, target: fig(missed) - 10, better: "lägre", tolerance: 1 },
    ],
  };
  return {
    set,
    expected: new Map([
      [met, "uppnått"],
      [near, "nära"],
      [missed, "ej uppnått"],
    ]),
  };
}

async function report() {
  const earlier = must(
    rollupFiles(
      before.map((r, i) => outcome(r, hex(50 + i))),
      catalog,
      { uppdragId: psyk.id },
    ),
  );
  const collected = must(
    rollupFiles(outcomesNow(), catalog, {
      uppdragId: psyk.id,
      expectedUnits: [...now.map((r) => ({ unit: r.unit })), { unit: "Enhet Saknad" }],
    }),
  );
  const targets = targetsFor();
  const comparison = compareWithHistory(
    collected.result,
    [
      {
        source: "niva2_2024H2.xlsx",
        format: 2,
        uppdrag: psyk.id,
        period: "2024H2",
        rows: tidyRows(psyk, earlier.result),
      },
    ],
    { uppdrag: psyk, targets: targets.set },
  );
  const bytes = await writeReport(collected, { comparison, createdAt: new Date("2025-09-01T10:00:00Z") });
  return { parts: docxParts(bytes), targets: targets.expected, collected };
}

let built: Awaited<ReturnType<typeof report>>;
const documentXml = () => must(built.parts["word/document.xml"]);
beforeAll(async () => {
  built = await report();
});

describe("the nämnd report", () => {
  it("is real Word structure: a title, Heading 1 and 2, tables with a repeated header row, Swedish", () => {
    const doc = documentXml();
    const ps = paragraphs(doc);
    expect(ps.find((p) => p.style === "Title")?.text).toBe(`Uppföljning av ${psyk.name}`);
    expect(ps.filter((p) => p.style === "Heading1").map((p) => p.text)).toEqual([
      "Sammanfattning",
      "Nyckeltal, mål och utveckling",
      "Diagram",
      "Enheternas analyser",
      "Saknade enheter och datakvalitet",
      "Bilaga: källfiler",
    ]);
    expect(ps.filter((p) => p.style === "Heading2").length).toBeGreaterThan(3);
    const all = tables(doc);
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const t of all) expect(t.headerRows).toEqual(t.rows.map((_, i) => i === 0));
    expect(built.parts["word/styles.xml"]).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="sv-SE"\/>/);
  });

  it("shows the key measures now, last period, the change and the target status as computed by hand", () => {
    const keyTable = must(tables(documentXml())[0]);
    expect(keyTable.rows[0]).toEqual([
      "Mått",
      "Halvår 2 2024",
      "Halvår 1 2025 (nu)",
      "Ändring",
      "Mål",
      "Status",
    ]);
    const shown = keyMeasures.filter((m) => handFigure(m, now) !== null || handFigure(m, before) !== null);
    expect(keyTable.rows.slice(1).map((r) => r[0])).toEqual(
      shown.map((m) => `${m.label}${m.unit ? ` (${m.unit})` : ""}`),
    );
    shown.forEach((m, i) => {
      const [, earlierCell = "", nowCell = "", changeCell = "", , statusCell] = must(keyTable.rows[i + 1]);
      const current = handFigure(m, now);
      const earlier = handFigure(m, before);
      expect(swedishNumber(nowCell)).toBe(current === null ? undefined : round1(current));
      expect(swedishNumber(earlierCell)).toBe(earlier === null ? undefined : round1(earlier));
      const change = current !== null && earlier !== null ? round1(current - earlier) : undefined;
      expect([m.id, changeCell === "±0" ? 0 : swedishNumber(changeCell)]).toEqual([m.id, change]);
      expect([m.id, statusCell]).toEqual([m.id, built.targets.get(m.id) ?? "inget mål"]);
    });
    // A sum of counts one higher in each of the four units: the change is -4, whatever the code says.
    const sum = shown.find((m) => m.aggregate === "sum" || m.aggregate === "stock");
    if (sum) {
      const units = now.filter((r) => r.values[sum.id]?.kind === "number").length;
      expect(swedishNumber(must(keyTable.rows[shown.indexOf(sum) + 1]?.[3]))).toBe(-units);
    }
  });

  it("has a native chart per key measure over periods and per unit, each with its figures as alt text", () => {
    const doc = documentXml();
    const drawings = [...doc.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1] ?? "");
    const charts = Object.keys(built.parts).filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n));
    expect(drawings.length).toBe(charts.length);
    expect(charts.length).toBeGreaterThanOrEqual(keyMeasures.length);
    expect(built.parts["[Content_Types].xml"]).toContain('PartName="/word/charts/chart1.xml"');
    expect(built.parts["word/_rels/document.xml.rels"]).toContain('Target="charts/chart1.xml"');
    expect(doc).not.toContain("Diagram saknas");
    // The per-unit chart of the first key measure: each unit's own figure, in its alt text and in the chart.
    const m = must(keyMeasures[0]);
    const alt = must(drawings.find((d) => d.startsWith(`Stapeldiagram: ${m.label} per enhet`)));
    for (const r of now) {
      const v = r.values[m.id];
      expect(alt).toContain(
        `${r.unit}: ${v?.kind === "number" ? `${String(round1(v.value)).replace(".", ",")} ${m.unit}` : "saknas"}`,
      );
    }
    const line = must(drawings.find((d) => d.startsWith(`Linjediagram: ${m.label}`)));
    const earlier = must(handFigure(m, before));
    expect(line).toContain(`Halvår 2 2024: ${String(round1(earlier)).replace(".", ",")}`);
    // The met target's measure: its line chart carries the target as a second, flat series.
    const [metId] = [...built.targets].find(([, status]) => status === "uppnått") ?? [];
    const met = must(psyk.measures.find((x) => x.id === metId));
    const metTarget = must(handFigure(met, now)) - 1;
    const index = drawings.findIndex((d) => d.startsWith(`Linjediagram: ${met.label},`));
    expect(drawings[index]).toContain(`Målet är minst ${String(round1(metTarget)).replace(".", ",")}`);
    const chartPart = must(built.parts[`word/charts/chart${index + 1}.xml`]);
    expect(chartPart).toContain("<c:v>Mål: minst");
    expect(chartPart.match(/<c:ser>/g)?.length).toBe(2);
  });

  it("names the missing unit, the rejected file and why, and the duplicate", () => {
    const doc = documentXml();
    const text = paragraphs(doc)
      .map((p) => p.text)
      .join("\n");
    expect(text).toContain(
      "4 av 5 förväntade enheter har rapporterat för halvår 1 2025. Saknas: Enhet Saknad.",
    );
    expect(text).toMatch(/^Enhet Saknad$/m);
    expect(text).toMatch(/^trasig\.xlsx avvisades: .+/m);
    // Which of two identical files counts is the roll-up's choice; the report names both.
    expect(text).toMatch(
      /^(kopia-av-enhet-a\.xlsx är en dubblett av .*Enhet A\.xlsx|.*Enhet A\.xlsx är en dubblett av kopia-av-enhet-a\.xlsx) och räknas bara en gång\.$/m,
    );
    expect(text).toMatch(/Datakvalitet: .*1 avvisad fil, 1 dubblett/);
    expect(text).toContain("niva2_2024H2.xlsx: Halvår 2 2024 används som tidigare period.");
  });

  it("lists every source file with its SHA-256 in the appendix", () => {
    const appendix = must(tables(documentXml()).at(-1));
    expect(appendix.rows[0]).toEqual(["Fil", "Status", "SHA-256"]);
    expect(appendix.rows.slice(1).map((r) => [r[0], r[2]])).toEqual(
      built.collected.files.map((f) => [f.file, f.sha256]),
    );
  });

  it("puts each unit's analysis under its kvalitetsområde", () => {
    const ps = paragraphs(documentXml());
    const start = ps.findIndex((p) => p.text === "Enheternas analyser");
    const end = ps.findIndex((p) => p.text === "Saknade enheter och datakvalitet");
    const part = ps.slice(start, end);
    expect(part.some((p) => p.style === "Heading2")).toBe(true);
    expect(part.some((p) => p.style === "Heading3")).toBe(true);
    expect(part.filter((p) => p.text.startsWith("Enhet A: ")).length).toBeGreaterThan(0);
    expect(textOf(documentXml())).not.toContain("§§");
  });
});
