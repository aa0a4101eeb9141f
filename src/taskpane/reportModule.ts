/**
 * The report writer (docx) loads when the user asks for the report, in a chunk of its own: the
 * pane's first load does not grow with it. As workbookModule.ts: one promise, and a failed
 * download is forgotten so the next click tries again.
 */
export type ReportModule = typeof import("../workbook/report/writeReport");

let loading: Promise<ReportModule> | undefined;

export function loadReportModule(): Promise<ReportModule> {
  loading ??= import(/* webpackChunkName: "report" */ "../workbook/report/writeReport").catch(
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}
