/**
 * The catalog format as a JSON Schema, generated from the zod schema the loader uses, so an
 * editor (VS Code reads "$schema") checks a new uppdrag file while it is written. The loader
 * still checks what a schema cannot (references between measures, ids unique). `npm run schema`
 * writes it to docs/katalog.schema.json; a test keeps that file in step with the code.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { fragmentFileSchema, uppdragFileSchema } from "../core/catalogSchema";

export const SCHEMA_FILE = path.resolve(__dirname, "..", "..", "docs", "katalog.schema.json");

export function catalogJsonSchema(): Record<string, unknown> {
  // "input": what a file may contain (fields with a default may be left out).
  const schema = z.toJSONSchema(z.union([uppdragFileSchema, fragmentFileSchema]), { io: "input" });
  return {
    ...schema,
    title: "uppfoljning: katalogfil (ett uppdrag eller en gemensam del)",
    description:
      "Se README.md, avsnittet om katalogen. Laddas av src/core/catalog.ts, som också kontrollerar hänvisningar mellan mått.",
  };
}

export const catalogJsonSchemaText = () => `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`;

if (require.main === module) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : SCHEMA_FILE;
  fs.writeFileSync(out, catalogJsonSchemaText(), "utf8");
  console.log(`Skrev ${path.relative(process.cwd(), out)}`);
}
