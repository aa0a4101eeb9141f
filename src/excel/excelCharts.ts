/**
 * The level-2 workbook's charts as real Excel charts through Office.js (ExcelApi 1.1): the
 * sheets arrive without them (insertWorksheetsFromBase64 does not bring charts; the blocks
 * fallback writes only cells), so each chart the file carries (readCharts) is added again over
 * the same cells. Only queued here: the caller's next context.sync() adds them all, so the
 * number of round trips does not grow with the number of charts.
 */
import type { WorkbookChart } from "../workbook/readCharts";

export function queueCharts(
  context: Excel.RequestContext,
  charts: readonly WorkbookChart[],
  /** The name a sheet of the file got in this workbook (it may have been taken). */
  nameOf: (sheet: string) => string,
  supported: (name: string, version: string) => boolean,
): void {
  const sheets = context.workbook.worksheets;
  const withFormats = supported("ExcelApi", "1.8");
  for (const c of charts) {
    const data = sheets.getItem(nameOf(c.dataSheet)).getRange(c.source);
    const chart = sheets
      .getItem(nameOf(c.sheet))
      .charts.add(c.kind === "line" ? "LineMarkers" : "ColumnClustered", data, "Columns");
    chart.name = c.title.slice(0, 255);
    chart.title.text = c.title;
    chart.legend.position = "Bottom";
    chart.setPosition(c.from, c.to);
    if (withFormats) {
      // A missing figure is a gap in the line, never a 0.
      chart.displayBlanksAs = "NotPlotted";
      if (c.numberFormat) chart.axes.valueAxis.numberFormat = c.numberFormat;
    }
  }
}
