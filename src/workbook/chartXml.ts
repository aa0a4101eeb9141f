/**
 * A chart as DrawingML (`<c:chartSpace>`, ECMA-376 part 1 §21.2), pure text: no zip, no exceljs.
 * Every series carries its values as a cache beside its sheet reference, so Excel, LibreOffice
 * and Word draw the chart as written without recalculating, and Excel keeps it live over the
 * cells the references name. Without references (a chart in a Word report) the values are
 * literals. A missing value is a gap in the line or an absent bar, never 0.
 */

/** A line of a key measure over periods, or clustered columns per unit for one period. */
export type ChartKind = "line" | "bar";

export interface ChartSeries {
  /** The legend text, e.g. a period ("2026-T1") or a measure's label. */
  name: string;
  /** The cell holding the name, e.g. `'Diagram'!$C$3`. */
  nameRef?: string;
  /** One value per category, in category order; undefined (or not finite) is missing. */
  values: (number | undefined)[];
  /** The cells holding the values, e.g. `'Diagram'!$C$4:$C$7`. */
  valuesRef?: string;
}

export interface ChartSpec {
  kind: ChartKind;
  title: string;
  /** Periods along the axis of a line, units under the columns of a bar chart. */
  categories: string[];
  /** The cells holding the category labels, e.g. `'Diagram'!$B$4:$B$7`. */
  categoriesRef?: string;
  series: ChartSeries[];
  /** Excel number format of the value axis and the data labels, e.g. "0.0" or "0%"; "General" when absent. */
  numberFormat?: string;
  /** Text beside the value axis, e.g. the measure's unit ("dagar", "%"). */
  valueAxisTitle?: string;
}

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Distinguishable for colour-blind readers and in greyscale print (Okabe–Ito, darkest first). */
export const SERIES_COLOURS = ["0072B2", "D55E00", "009E73", "CC79A7", "E69F00", "56B4E9", "000000"];

const CATEGORY_AXIS = 500000001;
const VALUE_AXIS = 500000002;

/** Text for XML content and attributes; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- exactly the control characters XML 1.0 cannot carry
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

const isValue = (v: number | undefined): v is number => typeof v === "number" && Number.isFinite(v);

function strPoints(texts: string[]): string {
  return (
    `<c:ptCount val="${texts.length}"/>` +
    texts.map((t, i) => `<c:pt idx="${i}"><c:v>${escapeXml(t)}</c:v></c:pt>`).join("")
  );
}

/** Missing values are left out of the points: ptCount still counts them, so they are gaps. */
function numPoints(values: (number | undefined)[], format: string): string {
  return (
    `<c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => (isValue(v) ? `<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>` : "")).join("")
  );
}

function strData(texts: string[], ref: string | undefined): string {
  return ref
    ? `<c:strRef><c:f>${escapeXml(ref)}</c:f><c:strCache>${strPoints(texts)}</c:strCache></c:strRef>`
    : `<c:strLit>${strPoints(texts)}</c:strLit>`;
}

function numData(values: (number | undefined)[], ref: string | undefined, format: string): string {
  return ref
    ? `<c:numRef><c:f>${escapeXml(ref)}</c:f><c:numCache>${numPoints(values, format)}</c:numCache></c:numRef>`
    : `<c:numLit>${numPoints(values, format)}</c:numLit>`;
}

function richText(text: string, size: number, bold: boolean, rotated = false): string {
  const b = bold ? "1" : "0";
  return (
    `<c:tx><c:rich><a:bodyPr${rotated ? ' rot="-5400000" vert="horz"' : ""}/><a:lstStyle/>` +
    `<a:p><a:pPr><a:defRPr sz="${size}" b="${b}"/></a:pPr>` +
    `<a:r><a:rPr lang="sv-SE" sz="${size}" b="${b}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function title(text: string): string {
  return `<c:title>${richText(text, 1400, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`;
}

function fill(colour: string): string {
  return `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`;
}

/** Values written on the columns: a nämnd reads the figure, not the gridline. */
function dataLabels(format: string): string {
  return (
    `<c:dLbls><c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:dLblPos val="outEnd"/>` +
    `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>` +
    `<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
  );
}

function series(spec: ChartSpec, s: ChartSeries, i: number, format: string): string {
  const colour = SERIES_COLOURS[i % SERIES_COLOURS.length] ?? "000000";
  const values = spec.categories.map((_, k) => s.values[k]);
  // A series name is a reference with its cache, or plain text (c:tx has no literal form).
  const name = s.nameRef ? strData([s.name], s.nameRef) : `<c:v>${escapeXml(s.name)}</c:v>`;
  const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx>${name}</c:tx>`;
  const data =
    `<c:cat>${strData(spec.categories, spec.categoriesRef)}</c:cat>` +
    `<c:val>${numData(values, s.valuesRef, format)}</c:val>`;
  if (spec.kind === "line")
    return (
      `<c:ser>${head}<c:spPr><a:ln w="28575" cap="rnd">${fill(colour)}<a:round/></a:ln></c:spPr>` +
      `<c:marker><c:symbol val="circle"/><c:size val="7"/><c:spPr>${fill(colour)}<a:ln>${fill(colour)}</a:ln></c:spPr></c:marker>` +
      `${data}<c:smooth val="0"/></c:ser>`
    );
  return (
    `<c:ser>${head}<c:spPr>${fill(colour)}</c:spPr><c:invertIfNegative val="0"/>` +
    `${dataLabels(format)}${data}</c:ser>`
  );
}

function plot(spec: ChartSpec, format: string): string {
  const all = spec.series.map((s, i) => series(spec, s, i, format)).join("");
  const axes = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
  return spec.kind === "line"
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${all}<c:marker val="1"/>${axes}</c:lineChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${all}` +
        `<c:gapWidth val="80"/><c:overlap val="-10"/>${axes}</c:barChart>`;
}

const TICKS = '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';

function axes(spec: ChartSpec, format: string): string {
  const grid = `<c:majorGridlines><c:spPr><a:ln w="6350">${fill("D9D9D9")}</a:ln></c:spPr></c:majorGridlines>`;
  const valueTitle = spec.valueAxisTitle
    ? `<c:title>${richText(spec.valueAxisTitle, 1000, false, true)}<c:overlay val="0"/></c:title>`
    : "";
  return (
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>${TICKS}` +
    `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="l"/>${grid}${valueTitle}` +
    `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>${TICKS}` +
    `<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/** The whole chart part (e.g. xl/charts/chart1.xml or word/charts/chart1.xml). */
export function chartSpaceXml(spec: ChartSpec): string {
  const format = spec.numberFormat ?? "General";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace ${NS}><c:date1904 val="0"/><c:lang val="sv-SE"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(spec.title)}<c:plotArea><c:layout/>${plot(spec, format)}${axes(spec, format)}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"/></a:pPr><a:endParaRPr lang="sv-SE"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

/** An A1 reference to a block of cells on a sheet, quoted as chart formulas want it: `'Diagram'!$B$4:$B$7`. */
export function sheetRef(sheet: string, from: string, to?: string): string {
  const abs = (a1: string) => a1.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  return `'${sheet.replace(/'/g, "''")}'!${abs(from)}${to && to !== from ? `:${abs(to)}` : ""}`;
}
