/** The schema of a catalog file in templates/: one uppdrag, or a fragment several uppdrag include. */
import { z } from "zod";
import { AGGREGATIONS, MEASURE_KINDS, VALUE_TYPE_IDS } from "./model";
import { messageText } from "./messages/sv";

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, messageText("schemaId", {}));
const severity = z.enum(["fel", "varning"]);
/** "patienter" adds, "-standardkostnad" subtracts. */
const term = z.string().regex(/^-?[a-z][a-z0-9_]*$/, messageText("schemaTerm", {}));

export const measureSchema = z.strictObject({
  id,
  label: z.string().min(1),
  help: z.string().min(1),
  kind: z.enum(MEASURE_KINDS),
  levels: z
    .array(z.union([z.literal(2), z.literal(3)]))
    .min(1)
    .default([2, 3]),
  type: z.enum(VALUE_TYPE_IDS),
  unit: z.string().default(""),
  section: id,
  part: id.optional(),
  aggregate: z.enum(AGGREGATIONS),
  statistic: z.enum(["median", "mean"]).optional(),
  weight: id.optional(),
  formula: z
    .strictObject({
      numerator: z.array(term).min(1),
      denominator: z.array(term).min(1),
      factor: z.number().positive().default(1),
    })
    .optional(),
  options: z.array(z.string().min(1)).min(2).optional(),
  checks: z
    .strictObject({
      min: z.number().optional(),
      max: z.number().optional(),
      warnAbove: z.number().optional(),
      warnBelow: z.number().optional(),
      required: z.boolean().default(false),
    })
    .default({ required: false }),
  maxCases: z.number().int().positive().max(1000).optional(),
  countedBy: id.optional(),
  kolada: z
    .string()
    .regex(/^[NU]\d{5}$/)
    .optional(),
});

const ruleSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("balance"),
    id,
    start: id,
    add: z.array(id),
    subtract: z.array(id),
    end: id,
    severity: severity.default("fel"),
  }),
  z.strictObject({
    type: z.literal("atMost"),
    id,
    measure: z.union([id, z.array(id).min(1)]),
    limit: z.array(id).min(1),
    severity: severity.default("fel"),
  }),
  z.strictObject({
    type: z.literal("atLeast"),
    id,
    measure: id,
    reference: z.array(id).min(1),
    severity: severity.default("varning"),
  }),
  z.strictObject({
    type: z.literal("requiresPositive"),
    id,
    when: id,
    then: id,
    severity: severity.default("fel"),
  }),
  z.strictObject({
    type: z.literal("ratioRange"),
    id,
    measure: id,
    min: z.number().optional(),
    max: z.number().optional(),
    severity: severity.default("varning"),
  }),
  z.strictObject({
    type: z.literal("listCount"),
    id,
    list: id,
    count: id,
    severity: severity.default("fel"),
  }),
  z.strictObject({
    type: z.literal("continuity"),
    id,
    current: id,
    previous: id,
    severity: severity.default("varning"),
  }),
]);

const sectionSchema = z.strictObject({
  id,
  label: z.string().min(1),
  sheet: z
    .string()
    .min(1)
    .max(31, messageText("schemaSheetLength", {}))
    .regex(/^[^[\]:*?/\\']+$/, messageText("schemaSheetCharacters", {})),
  description: z.string().optional(),
});

const keyFigureSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("perVolume"),
    id,
    label: z.string().min(1),
    help: z.string().min(1).optional(),
    amount: z.enum(["kostnader", "intakter", "nettokostnad"]),
    scenario: z.enum(["utfall", "budget"]).default("utfall"),
    per: z.union([z.strictObject({ measure: id }), z.strictObject({ start: id, end: id })]),
    unit: z.string().min(1),
  }),
  z.strictObject({
    kind: z.literal("budgetDeviation"),
    id,
    label: z.string().min(1),
    help: z.string().min(1).optional(),
    compare: z.enum(["utfall", "prognos"]).default("utfall"),
    as: z.enum(["tkr", "procent"]),
  }),
]);

const content = {
  sections: z.array(sectionSchema).default([]),
  measures: z.array(measureSchema).default([]),
  rules: z.array(ruleSchema).default([]),
};

export const uppdragFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, messageText("schemaUppdragId", {})),
  version: z.string().regex(/^\d{4}\.\d+$/, messageText("schemaVersion", {})),
  name: z.string().min(1),
  description: z.string().min(1),
  source: z.string().min(1),
  frequency: z.array(z.enum(["halvar", "tertial", "manad", "ar"])).min(1),
  parts: z.array(z.strictObject({ id, label: z.string().min(1) })).default([]),
  include: z.array(z.string()).default([]),
  ...content,
  keyFigures: z.array(keyFigureSchema).default([]),
  /** The measures a nämnd reads first (Översikt, charts, the report): level-2 numeric figures. */
  keyMeasures: z.array(id).max(8).default([]),
});

export const fragmentFileSchema = z.strictObject({
  $schema: z.string().optional(),
  fragment: z.string().regex(/^[a-z][a-z0-9-]*$/),
  description: z.string().min(1),
  ...content,
});

export type UppdragFile = z.infer<typeof uppdragFileSchema>;
export type FragmentFile = z.infer<typeof fragmentFileSchema>;
export type MeasureFile = z.infer<typeof measureSchema>;
