/**
 * Native Word charts in a docx that the docx library packed: docx cannot write charts, so the
 * writer leaves a marker run where each chart goes, and this module replaces each marker with an
 * inline drawing that refers to a chart part (word/charts/chartN.xml, its relationship and its
 * content type). The chart part is DrawingML with cached values, so Word and LibreOffice draw it
 * without an embedded workbook. The chart's figures in words go in the drawing's alt text
 * (wp:docPr descr), which is what a screen reader reads. Bytes in, new bytes out.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { TextRun } from "docx";
import type { ReportChart } from "./content";
import { escapeXml } from "../chartXml";

const DOCUMENT = "word/document.xml";
const RELS = "word/_rels/document.xml.rels";
const TYPES = "[Content_Types].xml";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
/** 15 × 8 cm in EMU: the full text width of an A4 page, and tall enough for labels under bars. */
const WIDTH_EMU = 5_400_000;
const HEIGHT_EMU = 2_880_000;
/** docPr ids must be unique in the document; docx numbers its own drawings from 1. */
const FIRST_DRAWING_ID = 1000;

const marker = (i: number) => `§§diagram-${i}§§`;

/** The run the writer puts where chart i goes. */
export function chartPlaceholder(i: number): TextRun {
  return new TextRun(marker(i));
}

function drawingRun(i: number, relId: string, chart: ReportChart): string {
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">` +
    `<wp:extent cx="${WIDTH_EMU}" cy="${HEIGHT_EMU}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${FIRST_DRAWING_ID + i}" name="Diagram ${i + 1}" title="${escapeXml(chart.title)}" descr="${escapeXml(chart.altText)}"/>` +
    `<wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relId}"/>` +
    `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}

/** What stands where a chart could not be drawn: its figures in words, marked so the controller sees it. */
function missingChartRun(chart: ReportChart): string {
  return `<w:r><w:t xml:space="preserve">${escapeXml(`[Diagram saknas: ${chart.title}]`)}</w:t></w:r>`;
}

/** The marker's whole run (docx may give it run properties), wherever it is in the document. */
function markerRun(i: number): RegExp {
  return new RegExp(`<w:r>(?:(?!<w:r>).)*?<w:t[^>]*>${marker(i)}</w:t></w:r>`, "s");
}

/**
 * Puts the charts into the packed docx. `chartXml` gives a chart's <c:chartSpace> part; where it
 * gives nothing the marker becomes a visible note instead.
 */
export function insertCharts(
  docx: Uint8Array,
  charts: readonly ReportChart[],
  chartXml: (chart: ReportChart) => string | undefined,
): Uint8Array {
  if (charts.length === 0) return docx;
  const files = unzipSync(docx);
  const part = (name: string) => {
    const entry = files[name];
    if (!entry) throw new Error(`${name} saknas i dokumentet`);
    return strFromU8(entry);
  };
  let document = part(DOCUMENT);
  let rels = part(RELS);
  let types = part(TYPES);
  charts.forEach((chart, i) => {
    const xml = chartXml(chart);
    const found = markerRun(i);
    if (!found.test(document)) throw new Error(`platsen för diagram ${i + 1} saknas i dokumentet`);
    if (xml === undefined) {
      document = document.replace(found, missingChartRun(chart));
      return;
    }
    const name = `chart${i + 1}.xml`;
    const relId = `rIdDiagram${i + 1}`;
    files[`word/charts/${name}`] = strToU8(xml);
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="${relId}" Type="${CHART_REL}" Target="charts/${name}"/></Relationships>`,
    );
    types = types.replace(
      "</Types>",
      `<Override PartName="/word/charts/${name}" ContentType="${CHART_TYPE}"/></Types>`,
    );
    document = document.replace(found, drawingRun(i, relId, chart));
  });
  files[DOCUMENT] = strToU8(document);
  files[RELS] = strToU8(rels);
  files[TYPES] = strToU8(types);
  return zipSync(files, { level: 6 });
}
