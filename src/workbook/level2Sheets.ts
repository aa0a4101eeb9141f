/** The sheets of the level-2 workbook, by role (apart from the writer, so readers need not load exceljs). */
export const LEVEL2_SHEETS = {
  overview: "Översikt",
  summary: "Nivå 2",
  analyses: "Analyser",
  cases: "Ärenden",
  files: "Filer",
  problems: "Problem",
  data: "Data",
} as const;
