/**
 * The catalog format as JSON Schema (npm run schema): the committed docs/katalog.schema.json is
 * what the code generates today, an independent validator (Ajv) accepts every file in templates/
 * with it, and refuses what the loader refuses at the field the loader names.
 */
import * as fs from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import { SCHEMA_FILE, catalogJsonSchemaText } from "../../src/cli/catalogJsonSchema";
import { readTemplateSources } from "../../src/cli/templateFiles";
import { loadCatalog } from "../../src/core/catalog";

const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const sources = readTemplateSources();

it("is committed as generated (run npm run schema after changing the catalog format)", () => {
  expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(catalogJsonSchemaText());
});

it.each(sources.map((s) => [s.path, s] as const))("accepts %s", (_, source) => {
  expect(validate(JSON.parse(source.text))).toBe(true);
});

it("refuses what the loader refuses, at the same field", () => {
  const u = JSON.parse(sources.find((s) => s.path.endsWith("psykiatrisk-hemsjukvard.json"))!.text) as {
    measures: Record<string, unknown>[];
  };
  const broken = [
    (x: typeof u) => (x.measures[2]!.type = "antal"),
    (x: typeof u) => (x.measures[0]!.aggregate = "summa"),
    (x: typeof u) => (x.measures[1]!.extra = true),
    (x: typeof u) => delete x.measures[3]!.label,
  ];
  for (const breakIt of broken) {
    const copy = structuredClone(u);
    breakIt(copy);
    const loaderFields = loadCatalog([{ path: "templates/x.json", text: JSON.stringify(copy) }]).errors.map(
      (e) => e.field,
    );
    expect(loaderFields.length).toBeGreaterThan(0);
    expect(validate(copy)).toBe(false);
    // The loader names e.g. measures[2].type; Ajv's paths (for the uppdrag branch) include /measures/2.
    const measureIndex = loaderFields.map((f) => f.match(/^measures\[(\d+)\]/)?.[1]).find(Boolean);
    expect((validate.errors ?? []).map((e) => e.instancePath)).toContainEqual(
      expect.stringMatching(new RegExp(`^/measures/${measureIndex}(/|$)`)),
    );
  }
});
