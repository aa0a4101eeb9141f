/**
 * What the nämnd report says, before it is a Word document: the roll-up, the comparison with
 * earlier periods and targets, and the files behind it, turned into titles, sentences, table rows,
 * chart data and the appendix. No docx here, so the writer only lays out and tests read the
 * figures straight from this model.
 */
import { unitFigure } from "../../core/unitFigure";
import type { Measure, UnitReport, Uppdrag } from "../../core/model";
import type { Comparison, MeasureSeries, TargetOutcome } from "../../core/comparison/model";
import type { Figure } from "../../core/rollup";
import { aggregationOf } from "../../core/aggregations";
import { keyMeasuresOf } from "../../core/catalog";
import { valueTypeOf } from "../../core/valueTypes";
import { parsePeriod } from "../../core/period";
import { count } from "../../core/messages/count";
import { problemText } from "../../core/messages/sv";
import { LEVEL2_UNIT } from "../../core/tidy";
import type { CollectedRollup, FileOutcome } from "../collect";
import { formatFigure, formatChange } from "./numbers";

/** Earlier periods shown as columns of the key-figure table: more do not fit an A4 page. */
export const SHOWN_EARLIER_PERIODS = 3;

export interface ReportOptions {
  comparison?: Comparison;
  /** The measures the nämnd follows (the catalog's key measures); default: every measure with one figure. */
  keyMeasureIds?: readonly string[];
  createdAt?: Date;
  /** Entries of the history folder that were not read at all, and why. */
  skippedHistory?: readonly { file: string; reason: string }[];
}

export interface KeyFigureRow {
  measure: Measure;
  /** One per ReportContent.keyFigures.earlierPeriods; undefined = missing. */
  earlier: (number | undefined)[];
  current: number | undefined;
  change: number | undefined;
  target?: TargetOutcome;
  /** How many units the figure rests on, and who is missing. */
  basis: string;
}

export interface ReportChart {
  kind: "line" | "bar";
  /** The measure it shows: the report puts a measure's charts under one heading. */
  measureLabel: string;
  title: string;
  /** Category labels: periods (line) or units (bar). */
  categories: string[];
  seriesName: string;
  /** One per category; undefined is a gap, never 0. */
  values: (number | undefined)[];
  /** The target as a flat line beside the figures over time, when the measure has one. */
  target?: { name: string; value: number };
  /** The measure's unit, for the axis and the alt text. */
  unit: string;
  /** Excel number format of the values, as on the level-2 sheet. */
  numberFormat: string;
  /** The chart's figures in words, for a screen reader and for anyone who cannot see the chart. */
  altText: string;
}

export interface AnalysisQuestion {
  label: string;
  answers: { unit: string; text: string | undefined }[];
}

export interface SourceFile {
  file: string;
  status: string;
  unit?: string;
  sha256: string;
}

export interface ReportContent {
  title: string;
  subtitle: string;
  about: string;
  summary: string[];
  keyFigures: {
    /** Codes of the earlier periods shown, oldest first, and their labels. */
    earlierPeriods: { code: string; label: string }[];
    currentPeriod: { code: string; label: string };
    rows: KeyFigureRow[];
    hasTargets: boolean;
  };
  charts: ReportChart[];
  analyses: { section: string; questions: AnalysisQuestion[] }[];
  quality: {
    absentUnits: string[];
    conflictingUnits: string[];
    rejected: { file: string; reason: string }[];
    copies: { file: string; copyOf: string }[];
    withErrors: { file: string; unit: string; errors: number; warnings: number }[];
    levelTwo: string[];
    comparison: string[];
  };
  appendix: SourceFile[];
}

const periodLabel = (code: string) => parsePeriod(code)?.label ?? code;

/**
 * The measures shown: those asked for, else the catalog's key measures, else (an uppdrag that
 * declares none) every measure with a number of its own on level 2.
 */
function keyMeasures(uppdrag: Uppdrag, figures: readonly Figure[], ids?: readonly string[]): Measure[] {
  const hasFigure = new Set(figures.map((f) => f.measureId));
  const byId = new Map(uppdrag.measures.map((m) => [m.id, m]));
  if (ids) return ids.flatMap((id) => (hasFigure.has(id) && byId.get(id) ? [byId.get(id) as Measure] : []));
  const declared = keyMeasuresOf(uppdrag).filter((m) => hasFigure.has(m.id));
  if (declared.length) return declared;
  // Figures with a number of their own: a count of yes answers is not a trend a nämnd follows.
  return uppdrag.measures.filter(
    (m) => hasFigure.has(m.id) && aggregationOf(m).keyFigure !== undefined && m.aggregate !== "yesCount",
  );
}

const asked = (m: Measure, r: UnitReport) => !m.part || !r.parts || r.parts.includes(m.part);

function levelTwoSeries(comparison: Comparison | undefined, measureId: string): MeasureSeries | undefined {
  return comparison?.series.find((s) => s.measureId === measureId && s.unit === LEVEL2_UNIT);
}

function keyFigureRows(
  measures: Measure[],
  result: CollectedRollup["result"],
  comparison: Comparison | undefined,
  earlierCodes: string[],
): KeyFigureRow[] {
  const figures = result.figures;
  // Units that sent nothing are listed once, in the summary, not at every figure.
  const absent = new Set(result.absentUnits.map((u) => u.unit));
  const figureOf = new Map(figures.map((f) => [f.measureId, f]));
  return measures.map((m) => {
    const figure = figureOf.get(m.id);
    const series = levelTwoSeries(comparison, m.id);
    const earlierOf = new Map((series?.earlier ?? []).map((p) => [p.period, p.value]));
    const current = figure?.value ?? undefined;
    const earlier = earlierCodes.map((code) => earlierOf.get(code));
    const latest = series?.earlier.at(-1)?.value;
    const missing = (figure?.missing ?? []).filter((u) => !absent.has(u));
    return {
      measure: m,
      earlier,
      current,
      // The comparison's change when there is one; else the same difference from the figures shown.
      change:
        series?.change ?? (current !== undefined && latest !== undefined ? current - latest : undefined),
      target: comparison?.targets.find((t) => t.measureId === m.id),
      basis: `${count(figure?.contributors.length ?? 0, "enhet", "enheter")}${missing.length ? `; saknas: ${missing.join(", ")}` : ""}`,
    };
  });
}

function altList(categories: string[], values: (number | undefined)[], unit: string): string {
  return categories
    .map((c, i) => {
      const v = values[i];
      return `${c}: ${v === undefined ? "saknas" : `${formatFigure(v)} ${unit}`.trim()}`;
    })
    .join("; ");
}

const figureFormat = (m: Measure) => valueTypeOf(m).level2NumberFormat ?? "General";

function charts(
  rows: KeyFigureRow[],
  earlierPeriods: { code: string; label: string }[],
  currentLabel: string,
  units: readonly UnitReport[],
): ReportChart[] {
  const out: ReportChart[] = [];
  for (const row of rows) {
    const m = row.measure;
    if (earlierPeriods.length > 0) {
      const categories = [...earlierPeriods.map((p) => p.label), currentLabel];
      const values = [...row.earlier, row.current];
      out.push({
        kind: "line",
        measureLabel: m.label,
        title: `${m.label} över tid`,
        categories,
        seriesName: "Nivå 2",
        values,
        unit: m.unit,
        numberFormat: figureFormat(m),
        ...(row.target
          ? { target: { name: `Mål: ${targetText(row.target)}`, value: row.target.target.target } }
          : {}),
        altText:
          `Linjediagram: ${m.label}, hela uppdraget, per period. ${altList(categories, values, m.unit)}.` +
          (row.target ? ` Målet är ${targetText(row.target, m.unit)}.` : ""),
      });
    }
    const askedUnits = units.filter((u) => asked(m, u));
    const categories = askedUnits.map((u) => u.unit);
    const values = askedUnits.map((u) => unitFigure(m, u));
    if (values.every((v) => v === undefined)) continue;
    out.push({
      kind: "bar",
      measureLabel: m.label,
      title: `${m.label} per enhet, ${currentLabel}`,
      categories,
      seriesName: currentLabel,
      values,
      unit: m.unit,
      numberFormat: figureFormat(m),
      altText: `Stapeldiagram: ${m.label} per enhet, ${currentLabel}. ${altList(categories, values, m.unit)}.`,
    });
  }
  return out;
}

function analyses(uppdrag: Uppdrag, collected: CollectedRollup): ReportContent["analyses"] {
  const figureOf = new Map(collected.result.figures.map((f) => [f.measureId, f]));
  const units = collected.result.used;
  return uppdrag.sections.flatMap((section) => {
    const questions = uppdrag.measures
      .filter((m) => m.section === section.id && aggregationOf(m).sideBySide && figureOf.has(m.id))
      .map((m): AnalysisQuestion => {
        const texts = new Map((figureOf.get(m.id)?.details.texts ?? []).map((t) => [t.unit, t.text]));
        return {
          label: m.label,
          answers: units.filter((u) => asked(m, u)).map((u) => ({ unit: u.unit, text: texts.get(u.unit) })),
        };
      });
    return questions.length ? [{ section: section.label, questions }] : [];
  });
}

const STATUS_WORDS: Record<FileOutcome["status"], string> = {
  used: "används",
  read: "läst",
  rejected: "avvisad",
  copy: "kopia",
};

function quality(collected: CollectedRollup, options: ReportOptions): ReportContent["quality"] {
  const { comparison } = options;
  const { files, result } = collected;
  return {
    absentUnits: result.absentUnits.map((u) => u.unit),
    conflictingUnits: result.conflictingUnits.map((u) => `${u.unit} (${u.files.join(", ")})`),
    rejected: files
      .filter((f) => f.status === "rejected")
      .map((f) => ({ file: f.file, reason: f.reason ? problemText(f.reason) : "" })),
    copies: files.filter((f) => f.status === "copy").map((f) => ({ file: f.file, copyOf: f.copyOf ?? "" })),
    withErrors: files
      .filter((f) => f.status === "used" && f.problems.some((p) => p.severity === "fel"))
      .map((f) => ({
        file: f.file,
        unit: f.report?.unit ?? "",
        errors: f.problems.filter((p) => p.severity === "fel").length,
        warnings: f.problems.filter((p) => p.severity === "varning").length,
      })),
    // The message names the measures it compares.
    levelTwo: result.levelTwoProblems.map(problemText),
    comparison: comparisonNotes(comparison, options.skippedHistory),
  };
}

/** Every earlier period's file (used, or why not), then the other notes on history and targets. */
function comparisonNotes(
  comparison: Comparison | undefined,
  skipped: readonly { file: string; reason: string }[] = [],
): string[] {
  if (!comparison) return [];
  const files = comparison.historyFiles ?? [];
  const told = new Set(files.flatMap((f) => (f.problem ? [f.problem] : [])));
  return [
    ...files.map((f) =>
      f.used
        ? `${f.file}: ${periodLabel(f.period ?? "")} används som tidigare period.`
        : `${f.file} används inte: ${f.problem ? problemText(f.problem) : "okänt skäl"}`,
    ),
    ...skipped.map((f) => `${f.file} lästes inte: ${f.reason}.`),
    ...comparison.problems.filter((p) => !told.has(p)).map(problemText),
  ];
}

function statusCounts(targets: readonly TargetOutcome[]): string {
  const order = ["uppnått", "nära", "ej uppnått", "kan inte bedömas"] as const;
  const parts = order.flatMap((s) => {
    const n = targets.filter((t) => t.status === s).length;
    return n ? [`${n} ${s}`] : [];
  });
  return `Av ${count(targets.length, "mål", "mål")}: ${parts.join(", ")}.`;
}

/** One key figure in a sentence; a minus sign (U+2212), so a line never breaks between it and the number. */
function keyFigureSentence(row: KeyFigureRow, previousLabel: string | undefined): string {
  const m = row.measure;
  const now = row.current === undefined ? "saknas" : `${formatFigure(row.current)} ${m.unit}`.trim();
  const before =
    previousLabel && row.earlier.at(-1) !== undefined
      ? ` (${previousLabel}: ${formatFigure(row.earlier.at(-1) as number)}, ändring ${formatChange(row.change).replace(/^-/, "\u2212")})`
      : "";
  const target = row.target ? `; målet ${targetText(row.target)}: ${row.target.status}` : "";
  return `${m.label}: ${now}${before}${target}.`;
}

/** "minst 80", "högst 14": the target in words, with the measure's unit. */
export function targetText(t: TargetOutcome, unit = ""): string {
  return `${t.target.better === "högre" ? "minst" : "högst"} ${formatFigure(t.target.target)}${unit ? ` ${unit}` : ""}`;
}

function summary(
  collected: CollectedRollup,
  rows: KeyFigureRow[],
  previousLabel: string | undefined,
  q: ReportContent["quality"],
  comparison?: Comparison,
): string[] {
  const { result } = collected;
  const used = result.used.length;
  const expected = used + result.absentUnits.length;
  const label = periodLabel(result.period);
  const out = [
    result.absentUnits.length
      ? `${used} av ${expected} förväntade enheter har rapporterat för ${label.toLowerCase()}. Saknas: ${q.absentUnits.join(", ")}.`
      : `${count(used, "enhet", "enheter")} har rapporterat för ${label.toLowerCase()}.`,
  ];
  if (comparison && comparison.targets.length) out.push(statusCounts(comparison.targets));
  for (const row of rows) out.push(keyFigureSentence(row, previousLabel));
  const issues = [
    q.withErrors.length ? `${count(q.withErrors.length, "fil", "filer")} med fel som ändå används` : "",
    q.rejected.length ? `${count(q.rejected.length, "avvisad fil", "avvisade filer")}` : "",
    q.copies.length ? count(q.copies.length, "dubblett", "dubbletter") : "",
    q.levelTwo.length ? count(q.levelTwo.length, "avvikelse mellan måtten", "avvikelser mellan måtten") : "",
  ].filter((s) => s !== "");
  out.push(
    issues.length
      ? `Datakvalitet: ${issues.join(", ")} (se avsnittet Saknade enheter och datakvalitet).`
      : "Datakvalitet: inga fel, avvisade filer eller dubbletter.",
  );
  return out;
}

export function reportContent(collected: CollectedRollup, options: ReportOptions = {}): ReportContent {
  const { uppdrag, result } = collected;
  const comparison = options.comparison;
  const createdAt = options.createdAt ?? new Date();
  const currentLabel = periodLabel(result.period);
  const earlierCodes = (comparison?.periods ?? []).slice(-SHOWN_EARLIER_PERIODS);
  const earlierPeriods = earlierCodes.map((code) => ({ code, label: periodLabel(code) }));
  const rows = keyFigureRows(
    keyMeasures(uppdrag, result.figures, options.keyMeasureIds),
    result,
    comparison,
    earlierCodes,
  );
  const q = quality(collected, options);
  return {
    title: `Uppföljning av ${uppdrag.name}`,
    subtitle: `Rapport till nämnden – ${currentLabel}`,
    about:
      `Underlag: ${count(result.used.length, "enhet", "enheter")} för ${currentLabel.toLowerCase()}, ` +
      `mallversion ${uppdrag.version}. Sammanställd ${createdAt.toISOString().slice(0, 10)} med uppfoljning. ` +
      "Saknade värden räknas som saknade, aldrig som 0.",
    summary: summary(collected, rows, earlierPeriods.at(-1)?.label, q, comparison),
    keyFigures: {
      earlierPeriods,
      currentPeriod: { code: result.period, label: currentLabel },
      rows,
      hasTargets: (comparison?.targets.length ?? 0) > 0,
    },
    charts: charts(rows, earlierPeriods, currentLabel, result.used),
    analyses: analyses(uppdrag, collected),
    quality: q,
    appendix: collected.files.map((f) => ({
      file: f.file,
      status: STATUS_WORDS[f.status],
      unit: f.report?.unit,
      sha256: f.sha256,
    })),
  };
}
