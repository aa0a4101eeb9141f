/**
 * The nämnd report as a Word document (docx): real heading styles, tables whose header row
 * repeats on every page, Swedish as the document language, so a screen reader reads it right and
 * the controller can edit it before it goes to the nämnd. Charts are native Word charts, put into
 * the package after docx has packed it (docx cannot write charts): see docxCharts.ts.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Measure } from "../../core/model";
import type { CollectedRollup } from "../collect";
import { reportContent, targetText, type ReportContent, type ReportOptions } from "./content";
import { formatChange, formatFigure } from "./numbers";
import { chartPlaceholder, insertCharts } from "./docxCharts";
import { reportChartXml } from "./reportChartXml";

const LANGUAGE = "sv-SE";
const HEADER_FILL = "D9E1F2";
/** Width of the text on an A4 page with docx's default margins (1 inch each side), in twips. */
const TEXT_WIDTH = 9026;
/** Room between a cell's text and its borders, in twips. */
const CELL_MARGINS = { top: 40, bottom: 40, left: 90, right: 90 };

/** A heading stays on the page of what follows it. */
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level, keepNext: true });
const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const bullet = (text: string) => new Paragraph({ children: [new TextRun(text)], bullet: { level: 0 } });

interface Column {
  header: string;
  /** Share of the text width, in per cent. */
  width: number;
  align?: "right";
}

/** A table with a header row that repeats on every page and header cells in bold on a fill. */
function table(columns: Column[], rows: string[][], cellFont?: { font: string; size: number }): Table {
  const widths = columns.map((c) => Math.round((TEXT_WIDTH * c.width) / 100));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      margins: CELL_MARGINS,
      shading: header ? { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL } : undefined,
      children: [
        new Paragraph({
          alignment: columns[i]?.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [
            new TextRun({
              text,
              bold: header,
              ...(!header && cellFont ? { font: cellFont.font, size: cellFont.size } : {}),
            }),
          ],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c, i) => cell(c.header, i, true)),
      }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.map((text, i) => cell(text, i, false)) }),
      ),
    ],
  });
}

/** The measure with its unit of measure, which the figure columns leave out. */
const measureName = (m: Measure) =>
  `${m.label} (${m.unit || (m.aggregate === "yesCount" ? "antal enheter med ja" : "")})`.replace(" ()", "");

const figureText = (n: number | undefined) => (n === undefined ? "saknas" : formatFigure(n));

function keyFigureTable(c: ReportContent): (Paragraph | Table)[] {
  const { earlierPeriods, currentPeriod, rows, hasTargets } = c.keyFigures;
  if (rows.length === 0) return [para("Uppdraget har inga mått med en siffra för hela uppdraget.")];
  const hasHistory = earlierPeriods.length > 0;
  // The figures share what the measure's name (at least 30 %) and the target columns leave, at most 20 % each.
  const count = earlierPeriods.length + 1 + (hasHistory ? 1 : 0);
  const width = Math.min(20, Math.floor((70 - (hasTargets ? 26 : 0)) / count));
  const number = (header: string): Column => ({ header, width, align: "right" });
  const figures: Column[] = [
    ...earlierPeriods.map((p) => number(p.label)),
    number(`${currentPeriod.label} (nu)`),
    ...(hasHistory ? [number("Ändring")] : []),
    ...(hasTargets
      ? [
          { header: "Mål", width: 13 },
          { header: "Status", width: 13 },
        ]
      : []),
  ];
  // The measure's name takes what the figures leave.
  const columns: Column[] = [
    { header: "Mått", width: 100 - figures.reduce((sum, c) => sum + c.width, 0) },
    ...figures,
  ];
  const body = rows.map((r) => [
    measureName(r.measure),
    ...r.earlier.map(figureText),
    figureText(r.current),
    ...(hasHistory ? [formatChange(r.change)] : []),
    ...(hasTargets ? [r.target ? targetText(r.target) : "–", r.target?.status ?? "inget mål"] : []),
  ]);
  const notes = rows.filter((r) => r.basis.includes("saknas")).map((r) => `${r.measure.label}: ${r.basis}.`);
  return [
    table(columns, body),
    para(
      hasHistory
        ? "Ändring är nu jämfört med närmast föregående period. Tal avrundas till en decimal."
        : "Ingen tidigare period angavs, så tabellen visar bara nuvarande period. Tal avrundas till en decimal.",
    ),
    ...notes.map(bullet),
  ];
}

function chartsPart(c: ReportContent): Paragraph[] {
  if (c.charts.length === 0) return [para("Det finns inga siffror att visa i diagram.")];
  const out: Paragraph[] = [];
  c.charts.forEach((chart, i) => {
    if (chart.measureLabel !== c.charts[i - 1]?.measureLabel)
      out.push(heading(chart.measureLabel, HeadingLevel.HEADING_2));
    out.push(
      new Paragraph({ keepNext: true, children: [chartPlaceholder(i)] }),
      new Paragraph({ children: [new TextRun({ text: chart.altText, italics: true, size: 18 })] }),
    );
  });
  return out;
}

function analysesPart(c: ReportContent): Paragraph[] {
  if (c.analyses.length === 0) return [para("Uppdraget har inga frågor där enheterna skriver en analys.")];
  return c.analyses.flatMap((area) => [
    heading(area.section, HeadingLevel.HEADING_2),
    ...area.questions.flatMap((q) => [
      heading(q.label, HeadingLevel.HEADING_3),
      ...q.answers.map(
        (a) =>
          new Paragraph({
            children: [
              new TextRun({ text: `${a.unit}: `, bold: true }),
              new TextRun({ text: a.text ?? "(ingen analys lämnad)", italics: a.text === undefined }),
            ],
          }),
      ),
    ]),
  ]);
}

function qualityPart(c: ReportContent): (Paragraph | Table)[] {
  const q = c.quality;
  const out: (Paragraph | Table)[] = [heading("Enheter som saknas", HeadingLevel.HEADING_2)];
  out.push(
    ...(q.absentUnits.length
      ? [
          para(
            "Dessa förväntade enheter har inte lämnat någon uppföljning; deras siffror saknas i underlaget:",
          ),
          ...q.absentUnits.map(bullet),
        ]
      : [para("Alla förväntade enheter har lämnat in (eller ingen lista över förväntade enheter angavs).")]),
  );
  if (q.conflictingUnits.length)
    out.push(
      para("Enheter som lämnat olika filer för perioden (ingen av filerna används):"),
      ...q.conflictingUnits.map(bullet),
    );
  out.push(heading("Filer med fel", HeadingLevel.HEADING_2));
  out.push(
    q.withErrors.length
      ? table(
          [
            { header: "Fil", width: 50 },
            { header: "Enhet", width: 26 },
            { header: "Fel", width: 12, align: "right" },
            { header: "Varningar", width: 12, align: "right" },
          ],
          q.withErrors.map((f) => [f.file, f.unit, String(f.errors), String(f.warnings)]),
        )
      : para("Inga filer som används har fel."),
  );
  if (q.withErrors.length)
    out.push(
      para(
        "Filer med fel används ändå: det som kunde läsas räknas, det som inte kunde läsas saknas, och siffror som bygger på värden med fel är markerade i nivå 2-arbetsboken.",
      ),
    );
  out.push(heading("Avvisade filer och dubbletter", HeadingLevel.HEADING_2));
  const setAside = [
    ...q.rejected.map((r) => `${r.file} avvisades: ${r.reason}`),
    ...q.copies.map((r) => `${r.file} är en dubblett av ${r.copyOf} och räknas bara en gång.`),
  ];
  out.push(
    ...(setAside.length ? setAside.map(bullet) : [para("Inga filer avvisades och inga var dubbletter.")]),
  );
  if (q.levelTwo.length)
    out.push(heading("Kontroller mellan måtten", HeadingLevel.HEADING_2), ...q.levelTwo.map(bullet));
  if (q.comparison.length)
    out.push(heading("Tidigare perioder och mål", HeadingLevel.HEADING_2), ...q.comparison.map(bullet));
  return out;
}

function appendixPart(c: ReportContent): (Paragraph | Table)[] {
  return [
    para(
      "Varje inkommen fil med dess SHA-256-kontrollsumma, så att underlaget kan styrkas: samma fil ger alltid samma summa.",
    ),
    table(
      [
        { header: "Fil", width: 30 },
        { header: "Status", width: 18 },
        { header: "SHA-256", width: 52 },
      ],
      c.appendix.map((f) => [
        f.file,
        `${f.status}${f.unit ? ` (${f.unit})` : ""}`,
        f.sha256 || "(filen kunde inte läsas)",
      ]),
      { font: "Courier New", size: 13 },
    ),
  ];
}

function document(c: ReportContent): Document {
  return new Document({
    title: c.subtitle ? `${c.title} – ${c.subtitle}` : c.title,
    creator: "uppfoljning",
    description: c.about,
    styles: {
      default: {
        document: { run: { language: { value: LANGUAGE }, font: "Calibri", size: 22 } },
      },
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [`${c.title} – `, "sida ", PageNumber.CURRENT, " av ", PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ text: c.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun({ text: c.subtitle, size: 28 })] }),
          para(c.about),
          heading("Sammanfattning", HeadingLevel.HEADING_1),
          ...c.summary.map(bullet),
          heading("Nyckeltal, mål och utveckling", HeadingLevel.HEADING_1),
          ...keyFigureTable(c),
          heading("Diagram", HeadingLevel.HEADING_1),
          ...chartsPart(c),
          heading("Enheternas analyser", HeadingLevel.HEADING_1),
          ...analysesPart(c),
          heading("Saknade enheter och datakvalitet", HeadingLevel.HEADING_1),
          ...qualityPart(c),
          heading("Bilaga: källfiler", HeadingLevel.HEADING_1),
          ...appendixPart(c),
        ],
      },
    ],
  });
}

/** The report for a roll-up (and its comparison with earlier periods and targets) as docx bytes. */
export async function writeReport(
  collected: CollectedRollup,
  options: ReportOptions = {},
): Promise<Uint8Array> {
  const content = reportContent(collected, options);
  const packed = await Packer.pack(document(content), "uint8array");
  return insertCharts(packed, content.charts, reportChartXml);
}

/** The file name the report is offered under: rapport_<uppdrag>_<period>.docx. */
export function reportFileName(collected: CollectedRollup): string {
  return `rapport_${collected.uppdrag.id}_${collected.result.period}.docx`;
}
