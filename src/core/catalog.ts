/**
 * Loads the catalog: parses every file in templates/ against the schema, merges included
 * fragments and checks what a schema can't (unique ids, references, aggregation fits type).
 * Every problem names the file and the field. No I/O here: callers pass the files' text.
 */
import { z } from "zod";
import type { Catalog, Measure, RatioFormula, Rule, Uppdrag } from "./model";
import {
  fragmentFileSchema,
  uppdragFileSchema,
  type FragmentFile,
  type MeasureFile,
  type UppdragFile,
} from "./catalogSchema";
import { messageText } from "./messages/sv";
import { VALUE_TYPES, valueTypeOf } from "./valueTypes";
import { aggregationOf } from "./aggregations";

export interface CatalogSource {
  /** Path as shown in messages, e.g. templates/psykiatrisk-hemsjukvard.json */
  path: string;
  text: string;
}

export interface CatalogError {
  file: string;
  field: string;
  message: string;
}

export function formatCatalogError(e: CatalogError): string {
  return `${e.file}: ${e.field ? `${e.field}: ` : ""}${e.message}`;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
    .join("");
}

const swedish = z.locales.sv().localeError;

function parseJson(source: CatalogSource, errors: CatalogError[]): unknown {
  try {
    return JSON.parse(source.text);
  } catch (e) {
    errors.push({
      file: source.path,
      field: "",
      message: messageText("catalogInvalidJson", { reason: (e as Error).message }),
    });
    return undefined;
  }
}

function toFormula(f: NonNullable<MeasureFile["formula"]>): RatioFormula {
  const terms = (list: string[]) =>
    list.map((t) =>
      t.startsWith("-") ? { measure: t.slice(1), sign: -1 as const } : { measure: t, sign: 1 as const },
    );
  return { numerator: terms(f.numerator), denominator: terms(f.denominator), factor: f.factor };
}

function toMeasure(m: MeasureFile): Measure {
  const { formula, checks, ...rest } = m;
  return { ...rest, checks, ...(formula ? { formula: toFormula(formula) } : {}) };
}

/** Checks across fields and files; `where` maps a measure/rule back to its file and index for messages. */
function checkUppdrag(
  u: Uppdrag,
  where: (kind: "measures" | "rules" | "sections", index: number) => { file: string; field: string },
  errors: CatalogError[],
) {
  const err = (kind: "measures" | "rules" | "sections", index: number, field: string, message: string) => {
    const w = where(kind, index);
    errors.push({ file: w.file, field: `${w.field}${field ? `.${field}` : ""}`, message });
  };
  const sections = new Set<string>();
  const sheets = new Set<string>();
  u.sections.forEach((s, i) => {
    if (sections.has(s.id))
      err("sections", i, "id", messageText("catalogDuplicateSection", { section: s.id }));
    if (sheets.has(s.sheet.toLowerCase()))
      err("sections", i, "sheet", messageText("catalogDuplicateSheet", { sheet: s.sheet }));
    sections.add(s.id);
    sheets.add(s.sheet.toLowerCase());
  });
  const parts = new Set(u.parts.map((p) => p.id));
  const byId = new Map<string, Measure>();
  u.measures.forEach((m, i) => {
    if (byId.has(m.id)) err("measures", i, "id", messageText("catalogDuplicateMeasure", { measure: m.id }));
    byId.set(m.id, m);
  });
  const numeric = (id: string) => {
    const m = byId.get(id);
    return m !== undefined && valueTypeOf(m).numeric;
  };
  u.measures.forEach((m, i) => {
    if (!sections.has(m.section))
      err("measures", i, "section", messageText("catalogUnknownSection", { section: m.section }));
    if (m.part !== undefined && !parts.has(m.part))
      err("measures", i, "part", messageText("catalogUnknownPart", { part: m.part }));
    const allowed = valueTypeOf(m).aggregations;
    if (!allowed.includes(m.aggregate))
      err(
        "measures",
        i,
        "aggregate",
        messageText("catalogAggregateMismatch", {
          aggregate: m.aggregate,
          type: m.type,
          allowed: allowed.join(", "),
        }),
      );
    const derived = valueTypeOf(m).entry === "derived";
    if (derived && !m.formula) err("measures", i, "formula", messageText("catalogRatioWithoutFormula", {}));
    if (!derived && m.formula) err("measures", i, "formula", messageText("catalogFormulaNotRatio", {}));
    if (m.formula) {
      for (const t of [...m.formula.numerator, ...m.formula.denominator]) {
        const term = byId.get(t.measure);
        if (!term || !numeric(t.measure))
          err("measures", i, "formula", messageText("catalogFormulaNotNumeric", { measure: t.measure }));
        else if (valueTypeOf(term).entry === "derived")
          err("measures", i, "formula", messageText("catalogFormulaOfRatio", { measure: t.measure }));
      }
    }
    const lacking = valueTypeOf(m).catalogCheck?.(m);
    if (lacking) err("measures", i, lacking.field, messageText(lacking.code, {}));
    const missing = aggregationOf(m).catalogCheck?.(m, numeric);
    if (missing) err("measures", i, missing.field, messageText(missing.code, {}));
    const counter = m.countedBy === undefined ? undefined : byId.get(m.countedBy);
    if (m.countedBy !== undefined && (!counter || !valueTypeOf(counter).countsCases))
      err("measures", i, "countedBy", messageText("catalogCountedByNotCount", { measure: m.countedBy }));
  });
  u.rules.forEach((r, i) => {
    const ids = ruleMeasureIds(r);
    for (const [field, id] of ids) {
      const measure = byId.get(id);
      if (!measure) err("rules", i, field, messageText("catalogRuleUnknownMeasure", { measure: id }));
      else if (
        r.type === "listCount" && field === "list" ? valueTypeOf(measure).entry !== "cases" : !numeric(id)
      ) {
        err(
          "rules",
          i,
          field,
          messageText("catalogRuleWrongType", { measure: id, type: measure.type, rule: r.type }),
        );
      }
    }
  });
}

/** Key figures name measures of the uppdrag that count persons or cases: a number a unit types in, not a ratio. */
function checkKeyFigures(u: Uppdrag, errors: CatalogError[]) {
  const byId = new Map(u.measures.map((m) => [m.id, m]));
  const ids = new Set<string>();
  (u.keyFigures ?? []).forEach((k, i) => {
    const err = (field: string, message: string) =>
      errors.push({ file: u.file, field: `keyFigures[${i}]${field ? `.${field}` : ""}`, message });
    if (ids.has(k.id)) err("id", `nyckeltalet "${k.id}" finns redan i uppdraget`);
    else if (byId.has(k.id)) err("id", `"${k.id}" är redan ett mått i uppdraget; ge nyckeltalet ett eget id`);
    ids.add(k.id);
    if (k.kind !== "perVolume") return;
    const fields: [string, string][] =
      "measure" in k.per
        ? [["per.measure", k.per.measure]]
        : [
            ["per.start", k.per.start],
            ["per.end", k.per.end],
          ];
    for (const [field, id] of fields) {
      const m = byId.get(id);
      if (!m) err(field, `måttet "${id}" finns inte i uppdraget`);
      else if (valueTypeOf(m).keyFigureVolume === undefined)
        err(field, `måttet "${id}" har typen ${m.type}; ett nyckeltal delar med ${keyFigureVolumes()}`);
    }
    if ("start" in k.per && k.per.start === k.per.end)
      err("per", "start och end är samma mått; ange olika mått eller bara measure");
  });
}

/** Key measures name level-2 figures that are numbers (a sum, ratio, median …), each once. */
function checkKeyMeasures(u: Uppdrag, errors: CatalogError[]) {
  const byId = new Map(u.measures.map((m) => [m.id, m]));
  const seen = new Set<string>();
  (u.keyMeasures ?? []).forEach((id, i) => {
    const err = (message: string) => errors.push({ file: u.file, field: `keyMeasures[${i}]`, message });
    const m = byId.get(id);
    if (seen.has(id)) err(`måttet "${id}" står redan bland nyckelmåtten`);
    else if (!m) err(`måttet "${id}" finns inte i uppdraget`);
    else if (!hasNumericFigure(m))
      err(
        `måttet "${id}" har ingen sifferuppgift på nivå 2 (${m.aggregate}); välj ett mått som summeras eller beräknas`,
      );
    seen.add(id);
  });
}

/** A measure with one number on level 2: what a key measure or a target can be. */
export function hasNumericFigure(m: Measure): boolean {
  // An aggregation whose figure the task pane shows at a glance is one number (sum, stock, ratio,
  // pooled, weighted mean, yes-count); texts, tallies and per-unit measures are not.
  return m.levels.includes(2) && aggregationOf(m).keyFigure !== undefined;
}

/** The uppdrag's key measures in catalog order of declaration (none when the catalog declares none). */
export function keyMeasuresOf(uppdrag: Uppdrag): Measure[] {
  const byId = new Map(uppdrag.measures.map((m) => [m.id, m]));
  return (uppdrag.keyMeasures ?? []).flatMap((id) => byId.get(id) ?? []);
}

/** "ett antal (count) eller ett tal med decimaler (decimal)": the types a key figure may divide by. */
function keyFigureVolumes(): string {
  return Object.entries(VALUE_TYPES)
    .flatMap(([id, t]) => (t.keyFigureVolume === undefined ? [] : [`${t.keyFigureVolume} (${id})`]))
    .join(" eller ");
}

function ruleMeasureIds(r: Rule): [string, string][] {
  switch (r.type) {
    case "balance":
      return [
        ["start", r.start],
        ...r.add.map((a): [string, string] => ["add", a]),
        ...r.subtract.map((s): [string, string] => ["subtract", s]),
        ["end", r.end],
      ];
    case "atMost":
      return [
        ...[r.measure].flat().map((m): [string, string] => ["measure", m]),
        ...r.limit.map((l): [string, string] => ["limit", l]),
      ];
    case "atLeast":
      return [["measure", r.measure], ...r.reference.map((l): [string, string] => ["reference", l])];
    case "requiresPositive":
      return [
        ["when", r.when],
        ["then", r.then],
      ];
    case "ratioRange":
      return [["measure", r.measure]];
    case "listCount":
      return [
        ["list", r.list],
        ["count", r.count],
      ];
    case "continuity":
      return [
        ["current", r.current],
        ["previous", r.previous],
      ];
  }
}

export function loadCatalog(sources: readonly CatalogSource[]): { catalog: Catalog; errors: CatalogError[] } {
  const errors: CatalogError[] = [];
  const fragments = new Map<string, { file: string; data: FragmentFile }>();
  const uppdragFiles: { file: string; data: UppdragFile }[] = [];
  for (const source of sources) {
    const json = parseJson(source, errors);
    if (json === undefined) continue;
    const isFragment = typeof json === "object" && json !== null && "fragment" in json;
    const parsed = (isFragment ? fragmentFileSchema : uppdragFileSchema).safeParse(json, { error: swedish });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ file: source.path, field: fieldPath(issue.path), message: issue.message });
      continue;
    }
    if (isFragment)
      fragments.set((parsed.data as FragmentFile).fragment, {
        file: source.path,
        data: parsed.data as FragmentFile,
      });
    else uppdragFiles.push({ file: source.path, data: parsed.data as UppdragFile });
  }

  const uppdrag: Uppdrag[] = [];
  const seen = new Map<string, string>();
  for (const { file, data } of uppdragFiles) {
    const earlier = seen.get(data.id);
    if (earlier !== undefined) {
      errors.push({
        file,
        field: "id",
        message: messageText("catalogDuplicateUppdrag", { uppdrag: data.id, file: earlier }),
      });
      continue;
    }
    seen.set(data.id, file);
    // Own content first, then each fragment in order; `origin` lets messages name the right file and index.
    const origins: { file: string; prefix: string; sections: number; measures: number; rules: number }[] = [
      {
        file,
        prefix: "",
        sections: data.sections.length,
        measures: data.measures.length,
        rules: data.rules.length,
      },
    ];
    const sections = [...data.sections];
    const measures = [...data.measures];
    const rules = [...data.rules];
    data.include.forEach((name, i) => {
      const fragment = fragments.get(name);
      if (!fragment) {
        errors.push({
          file,
          field: `include[${i}]`,
          message: messageText("catalogUnknownFragment", { fragment: name }),
        });
        return;
      }
      origins.push({
        file: fragment.file,
        prefix: "",
        sections: fragment.data.sections.length,
        measures: fragment.data.measures.length,
        rules: fragment.data.rules.length,
      });
      sections.push(...fragment.data.sections);
      measures.push(...fragment.data.measures);
      rules.push(...fragment.data.rules);
    });
    const where = (kind: "measures" | "rules" | "sections", index: number) => {
      let i = index;
      for (const o of origins) {
        if (i < o[kind])
          return { file: o.file === file ? file : `${o.file} (i ${file})`, field: `${kind}[${i}]` };
        i -= o[kind];
      }
      return { file, field: `${kind}[${index}]` };
    };
    const { include: _include, $schema: _schema, ...rest } = data;
    const u: Uppdrag = { ...rest, sections, measures: measures.map(toMeasure), rules: rules as Rule[], file };
    const before = errors.length;
    checkUppdrag(u, where, errors);
    checkKeyFigures(u, errors);
    checkKeyMeasures(u, errors);
    if (errors.length === before) uppdrag.push(u);
  }
  uppdrag.sort((a, b) => a.id.localeCompare(b.id));
  return { catalog: { uppdrag }, errors };
}

export function findUppdrag(catalog: Catalog, id: string): Uppdrag | undefined {
  return catalog.uppdrag.find((u) => u.id === id);
}
