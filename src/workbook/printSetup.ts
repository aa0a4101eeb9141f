/**
 * How a sheet of the level-2 workbook prints: A4 landscape, as wide as the page (more pages
 * across only when one page would shrink the text past reading, and then the label columns
 * repeat on each), the header row repeated on every page, uppdrag and period in the header,
 * "Sida x av y" in the footer, frozen panes on screen. Every sheet of the workbook passes
 * through here, so they all print alike. Also the row heights of wrapped text: LibreOffice
 * does not fit the height of rows exceljs writes, so wrapped text would print over the next row.
 */
import type ExcelJS from "exceljs";
import { columnLetters } from "./a1";

/** A4 in exceljs's (Excel's) paper sizes. */
const A4 = 9 as ExcelJS.PaperSize;
/** Inches. Narrow sides leave the width to the figures. */
const MARGINS = { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 };
/**
 * What fits across A4 landscape inside the margins at 100 %, in Excel's column width units
 * (about 7 px each plus 5 px of padding per column at 96 dpi): (11.69 − 0.8) in × 96 px / 7 px.
 */
export const A4_LANDSCAPE_WIDTH = 149;
/** The smallest scale that still reads on paper; below it the sheet prints over more pages across. */
const MIN_SCALE = 0.6;
/** Points per line of 11 pt text, as Excel and LibreOffice set an auto-fitted row. */
const LINE_HEIGHT = 15;
/** The tallest row Excel allows (points); a longer text is cut on paper, whole in the cell. */
export const MAX_ROW_HEIGHT = 409;

/** What the printed header says: the uppdrag's name on the left, the period in words on the right. */
export interface PageHeader {
  title: string;
  period: string;
}

export interface PrintOptions {
  /** Left of the header: what the document is (the uppdrag's name). */
  title: string;
  /** Right of the header: the period, in words. */
  period: string;
  /** The widths of the sheet's printed columns, left to right (Excel's units). */
  widths: readonly number[];
  /** The header rows repeated at the top of every printed page, e.g. [5, 5]. */
  titleRows?: readonly [first: number, last: number];
  /** The label columns repeated on every page across and frozen on screen, e.g. 1 for column A. */
  labelColumns?: number;
  /** Rows frozen on screen (usually through the header row). */
  frozenRows?: number;
  /** Only this many columns print (the rest, e.g. ids for machines, stay on screen). */
  printedColumns?: number;
  /** The last row that prints, with printedColumns. */
  lastRow?: number;
}

/** Header and footer codes take & as a command: a literal & is doubled. */
const headerText = (text: string) => text.replace(/&/g, "&&");

/** How many pages across the columns need so that the text prints at least at MIN_SCALE. */
export function pagesAcross(widths: readonly number[]): number {
  const total = widths.reduce((a, b) => a + b, 0);
  return Math.max(1, Math.ceil(total / (A4_LANDSCAPE_WIDTH / MIN_SCALE)));
}

/**
 * The options for `wb.addWorksheet(name, …)` that make the sheet print as described above. They
 * must be given when the sheet is added: exceljs decides fit-to-page then, in both writers.
 */
export function printableSheet(options: PrintOptions): Partial<ExcelJS.AddWorksheetOptions> {
  const labels = options.labelColumns ?? 0;
  const printed = options.printedColumns;
  const pageSetup: Partial<ExcelJS.PageSetup> = {
    paperSize: A4,
    orientation: "landscape",
    fitToWidth: pagesAcross(options.widths.slice(0, printed)),
    fitToHeight: 0, // as many pages down as it takes
    margins: MARGINS,
    horizontalCentered: false,
    ...(options.titleRows && { printTitlesRow: `${options.titleRows[0]}:${options.titleRows[1]}` }),
    ...(labels > 0 && { printTitlesColumn: `A:${columnLetters(labels)}` }),
    // exceljs puts a $ before each end of the print area; the rows' own $ make it absolute.
    ...(printed !== undefined &&
      options.lastRow !== undefined && { printArea: `A$1:${columnLetters(printed)}$${options.lastRow}` }),
  };
  return {
    pageSetup,
    headerFooter: {
      oddHeader: `&L&"-,Bold"${headerText(options.title)}&R${headerText(options.period)}`,
      oddFooter: "&L&A&RSida &P av &N",
    },
    views:
      labels > 0 || options.frozenRows
        ? [{ state: "frozen", xSplit: labels, ySplit: options.frozenRows ?? 0 }]
        : [],
  };
}

/** The lines a text takes in a column of the given width, wrapped at spaces as Excel does. */
export function wrappedLines(text: string, width: number): number {
  // 11 pt Calibri (Carlito in LibreOffice) sets about 1.1 characters of Swedish prose per width
  // unit; one less for the cell's padding, so that a row is rather a little too tall than cut.
  const perLine = Math.max(1, Math.floor(width * 1.1) - 1);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines++;
    let used = 0;
    for (const word of paragraph.trimEnd().split(" ")) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) {
        used = need;
        continue;
      }
      if (used > 0) lines++; // the word starts the next line
      const whole = Math.floor(Math.max(0, word.length - 1) / perLine); // a word longer than a line breaks inside
      lines += whole;
      used = word.length - whole * perLine;
    }
  }
  return lines;
}

/** The height (points) a row needs so that every wrapped cell shows whole; undefined = one line. */
export function fittedHeight(
  texts: readonly (string | undefined)[],
  widths: readonly number[],
): number | undefined {
  let lines = 1;
  texts.forEach((text, i) => {
    if (text) lines = Math.max(lines, wrappedLines(text, widths[i] ?? 10));
  });
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT) : undefined;
}
