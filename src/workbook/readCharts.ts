/**
 * The charts addCharts put into an xlsx, read back from the package: where each sits, what kind
 * it is, its title and the block of cells it is drawn from. The task pane needs this because
 * Excel's insertWorksheetsFromBase64 brings the sheets but not their charts: it adds them again
 * through Office.js from this list. Charts without sheet references (literals) are left out.
 */
import { strFromU8, unzipSync, type Unzipped } from "fflate";
import { decodeRange, encodeCell, parseAddress } from "./a1";
import type { ChartKind } from "./chartXml";
import { attributes, readRels, resolve, sheetParts } from "./xlsxPackage";

export interface WorkbookChart {
  /** The sheet the chart is drawn on, and its frame's corner cells. */
  sheet: string;
  from: string;
  to: string;
  kind: ChartKind;
  title: string;
  numberFormat?: string;
  /** The sheet holding the chart's figures. */
  dataSheet: string;
  /** The block on dataSheet: series names in its first row (when named from cells), categories in its first column. */
  source: string;
}

const unescapeXml = (s: string) =>
  s.replace(/&(?:apos|quot|lt|gt|amp);/g, (e) =>
    e === "&apos;" ? "'" : e === "&quot;" ? '"' : e === "&lt;" ? "<" : e === "&gt;" ? ">" : "&",
  );

const cornerOf = (anchor: string, tag: "from" | "to") => {
  const m = new RegExp(
    `<xdr:${tag}>\\s*<xdr:col>(\\d+)</xdr:col>[\\s\\S]*?<xdr:row>(\\d+)</xdr:row>[\\s\\S]*?</xdr:${tag}>`,
  ).exec(anchor);
  return m ? encodeCell({ col: Number(m[1]), row: Number(m[2]) }) : undefined;
};

/** The block a chart's references span: from the first name (or category) cell to the last value cell. */
function sourceOf(xml: string): { dataSheet: string; source: string } | undefined {
  const refs = (element: string) =>
    [...xml.matchAll(new RegExp(`<c:${element}>[\\s\\S]*?<c:f>([^<]*)</c:f>`, "g"))].map((m) =>
      parseAddress(unescapeXml(m[1] ?? "")),
    );
  const categories = refs("cat")[0];
  const values = refs("val");
  const names = refs("tx");
  const last = values[values.length - 1];
  if (!categories || !last || values.some((v) => v?.sheet !== categories.sheet)) return undefined;
  const cat = decodeRange(categories.cell);
  const end = decodeRange(last.cell);
  if (!cat || !end) return undefined;
  const firstName = names[0] && decodeRange(names[0].cell);
  const top = firstName && names[0]?.sheet === categories.sheet ? firstName.start.row : cat.start.row;
  return {
    dataSheet: categories.sheet,
    source: `${encodeCell({ row: top, col: cat.start.col })}:${encodeCell(end.end)}`,
  };
}

function chartOf(files: Unzipped, part: string): Omit<WorkbookChart, "sheet" | "from" | "to"> | undefined {
  const entry = files[part];
  if (!entry) return undefined;
  const xml = strFromU8(entry);
  const kind: ChartKind | undefined = xml.includes("<c:lineChart")
    ? "line"
    : xml.includes("<c:barChart")
      ? "bar"
      : undefined;
  const data = sourceOf(xml);
  if (!kind || !data) return undefined;
  const titleXml = /<c:title>([\s\S]*?)<\/c:title>/.exec(xml)?.[1] ?? "";
  const title = [...titleXml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescapeXml(m[1] ?? "")).join("");
  const format = /<c:formatCode>([^<]*)<\/c:formatCode>/.exec(xml)?.[1];
  return { kind, title, numberFormat: format === undefined ? undefined : unescapeXml(format), ...data };
}

/** Every chart with sheet references in the workbook, sheet by sheet in tab order. */
export function readCharts(xlsx: Uint8Array): WorkbookChart[] {
  const files = unzipSync(xlsx, { filter: (f) => f.name.endsWith(".xml") || f.name.endsWith(".rels") });
  const out: WorkbookChart[] = [];
  for (const { name, part } of sheetParts(files)) {
    const sheetXml = files[part] ? strFromU8(files[part]) : "";
    const drawingTag = /<drawing\b[^>]*>/.exec(sheetXml);
    const drawingRel =
      drawingTag && readRels(files, part).find((r) => r.id === attributes(drawingTag[0]).get("r:id"));
    if (!drawingRel) continue;
    const drawing = resolve(part, drawingRel.target);
    const drawingXml = files[drawing] ? strFromU8(files[drawing]) : "";
    const rels = readRels(files, drawing);
    for (const m of drawingXml.matchAll(/<xdr:twoCellAnchor\b[\s\S]*?<\/xdr:twoCellAnchor>/g)) {
      const anchor = m[0];
      const relId = /<c:chart\b[^>]*\br:id="([^"]+)"/.exec(anchor)?.[1];
      const rel = rels.find((r) => r.id === relId);
      const [from, to] = [cornerOf(anchor, "from"), cornerOf(anchor, "to")];
      const chart = rel && chartOf(files, resolve(drawing, rel.target));
      if (chart && from && to) out.push({ sheet: name, from, to, ...chart });
    }
  }
  return out;
}
