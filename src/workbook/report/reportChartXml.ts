/**
 * A report chart as a DrawingML chart part. The chart XML is chartXml.ts's (branch charts), the
 * same that draws the level-2 workbook's charts; until it is merged the report marks each place.
 */
import type { ReportChart } from "./content";

export function reportChartXml(_chart: ReportChart): string | undefined {
  return undefined;
}
