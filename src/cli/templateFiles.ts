/** Reads the catalog files in templates/ (and templates/gemensamt/) from disk. */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadCatalog, type CatalogSource } from "../core/catalog";

/** templates/ next to src/ or dist/, wherever this module runs from. */
export const TEMPLATES_DIR = path.resolve(__dirname, "..", "..", "templates");

export function readTemplateSources(dir = TEMPLATES_DIR): CatalogSource[] {
  const sources: CatalogSource[] = [];
  const walk = (d: string) => {
    for (const entry of fs
      .readdirSync(d, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".json"))
        sources.push({
          path: path.relative(path.dirname(dir), full).split(path.sep).join("/"),
          text: fs.readFileSync(full, "utf8"),
        });
    }
  };
  walk(dir);
  return sources;
}

export function loadTemplates(dir = TEMPLATES_DIR) {
  return loadCatalog(readTemplateSources(dir));
}
