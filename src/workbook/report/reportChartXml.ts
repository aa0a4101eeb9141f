/** A report chart as a DrawingML chart part: the same chartXml.ts that draws the level-2 workbook's charts. */
import { chartSpaceXml } from "../chartXml";
import type { ReportChart } from "./content";

/** Literal values (a Word chart has no sheet to refer to); the target as a second, flat line; the unit beside the value axis. */
export function reportChartXml(chart: ReportChart): string {
  return chartSpaceXml({
    kind: chart.kind,
    title: chart.title,
    categories: chart.categories,
    series: [
      { name: chart.seriesName, values: chart.values },
      ...(chart.target
        ? [{ name: chart.target.name, values: chart.categories.map(() => chart.target?.value) }]
        : []),
    ],
    numberFormat: chart.numberFormat,
    valueAxisTitle: chart.unit || undefined,
  });
}
