/**
 * Native charts in an xlsx, which exceljs cannot write: the package is unzipped with fflate, each
 * chart becomes a part of its own (xl/charts/chartN.xml, from chartXml), anchored between two
 * cells in the sheet's drawing (a new xl/drawings/drawingN.xml, or the one the sheet already has),
 * with the relationships and content types Excel and LibreOffice need, and zipped again.
 * Only the small parts and the sheets drawn on are inflated; the rest is copied compressed
 * (rezip). Bytes in, new bytes out: the input is never modified.
 */
import { strToU8, unzipSync, zipSync, type Unzipped } from "fflate";
import { chartSpaceXml, escapeXml, type ChartSpec } from "./chartXml";
import { decodeCell } from "./a1";
import { addRel, attributes, readRels, resolve, sheetPart, text } from "./xlsxPackage";
import { rezip } from "./rezip";

/** The large parts no chart needs to read, unless it is drawn on that sheet. */
const isLarge = (name: string) =>
  name.startsWith("xl/worksheets/sheet") || name === "xl/sharedStrings.xml" || name.startsWith("xl/media/");

export interface ChartPlacement {
  /** The worksheet's name as the tab shows it. */
  sheet: string;
  /** Top-left and bottom-right cells of the chart's frame, e.g. "E3" and "N22". */
  from: string;
  to: string;
  spec: ChartSpec;
  /** Alternative text for screen readers; the title when absent. */
  altText?: string;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_DRAWING = `${REL}/drawing`;
const REL_CHART = `${REL}/chart`;
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const DML = "http://schemas.openxmlformats.org/drawingml/2006/main";
const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
/** Elements that come after <drawing> in CT_Worksheet (ECMA-376 §18.3.1.99). */
const AFTER_DRAWING = [
  "<legacyDrawing",
  "<legacyDrawingHF",
  "<drawingHF",
  "<picture",
  "<oleObjects",
  "<controls",
  "<webPublishItems",
  "<tableParts",
  "<extLst",
  "</worksheet>",
];

function nextFree(files: Unzipped, folder: string, stem: string): () => string {
  const pattern = new RegExp(`^${folder}/${stem}(\\d+)\\.xml$`);
  let n = Math.max(0, ...Object.keys(files).map((k) => Number(pattern.exec(k)?.[1] ?? 0)));
  return () => `${folder}/${stem}${++n}.xml`;
}

function addOverride(types: string, part: string, contentType: string): string {
  const override = `<Override PartName="/${part}" ContentType="${contentType}"/>`;
  return types.replace("</Types>", `${override}</Types>`);
}

function marker(tag: "from" | "to", a1: string): string {
  const cell = decodeCell(a1);
  if (!cell) throw new Error(`${a1} är ingen celladress`);
  return (
    `<xdr:${tag}><xdr:col>${cell.col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${cell.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`
  );
}

function anchor(chart: ChartPlacement, shapeId: number, relId: string): string {
  const alt = escapeXml(chart.altText ?? chart.spec.title);
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${marker("from", chart.from)}${marker("to", chart.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>` +
    `<xdr:cNvPr id="${shapeId}" name="Diagram ${shapeId}" descr="${alt}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${CHART_NS}">` +
    `<c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/**
 * The sheet's drawing part: the one it already has (exceljs writes one for images), or a new
 * one referred to from a <drawing> element put in its schema place.
 */
function drawingOf(files: Unzipped, sheet: string, newDrawing: () => string): string {
  const part = sheetPart(files, sheet);
  const xml = text(files, part);
  const existing = /<drawing\b[^>]*>/.exec(xml);
  if (existing) {
    const id = attributes(existing[0]).get("r:id");
    const rel = readRels(files, part).find((r) => r.id === id);
    if (rel) return resolve(part, rel.target);
  }
  const drawing = newDrawing();
  files[drawing] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${DML}"></xdr:wsDr>`,
  );
  const relId = addRel(files, part, REL_DRAWING, drawing);
  const at = Math.min(...AFTER_DRAWING.map((tag) => xml.indexOf(tag)).filter((i) => i >= 0));
  if (!Number.isFinite(at)) throw new Error(`${part} saknar </worksheet>`);
  // exceljs declares the r: prefix on <worksheet>; declared here only for a sheet that does not.
  const declared = /<worksheet\b[^>]*\bxmlns:r="/.test(xml);
  const drawingTag = `<drawing${declared ? "" : ` xmlns:r="${REL}"`} r:id="${relId}"/>`;
  files[part] = strToU8(`${xml.slice(0, at)}${drawingTag}${xml.slice(at)}`);
  const types = "[Content_Types].xml";
  files[types] = strToU8(addOverride(text(files, types), drawing, CT_DRAWING));
  return drawing;
}

export function addCharts(xlsx: Uint8Array, charts: readonly ChartPlacement[]): Uint8Array {
  if (charts.length === 0) return xlsx;
  const files = unzipSync(xlsx, { filter: (f) => !isLarge(f.name) });
  const drawnOn = new Set(charts.map((c) => sheetPart(files, c.sheet)));
  Object.assign(files, unzipSync(xlsx, { filter: (f) => drawnOn.has(f.name) }));
  const inflated = new Map(Object.entries(files));
  const newChart = nextFree(files, "xl/charts", "chart");
  const newDrawing = nextFree(files, "xl/drawings", "drawing");
  const types = "[Content_Types].xml";
  for (const chart of charts) {
    const drawing = drawingOf(files, chart.sheet, newDrawing);
    const part = newChart();
    files[part] = strToU8(chartSpaceXml(chart.spec));
    files[types] = strToU8(addOverride(text(files, types), part, CT_CHART));
    const relId = addRel(files, drawing, REL_CHART, part);
    const xml = text(files, drawing);
    const ids = [...xml.matchAll(/<xdr:cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
    const shapeId = Math.max(1, ...ids) + 1;
    const close = xml.lastIndexOf("</xdr:wsDr>");
    if (close < 0) throw new Error(`${drawing} är ingen ritning som diagram kan läggas i`);
    files[drawing] = strToU8(`${xml.slice(0, close)}${anchor(chart, shapeId, relId)}${xml.slice(close)}`);
  }
  const changed = new Map(Object.entries(files).filter(([name, data]) => inflated.get(name) !== data));
  return (
    rezip(xlsx, changed) ?? zipSync({ ...unzipSync(xlsx), ...Object.fromEntries(changed) }, { level: 6 })
  );
}
