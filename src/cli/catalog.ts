/** The catalog as the CLI uses it: loaded once from templates/, errors become a usage error. */
import type { Catalog, Uppdrag } from "../core/model";
import { findUppdrag, formatCatalogError } from "../core/catalog";
import { loadTemplates } from "./templateFiles";
import { UsageError } from "./io";

let cached: Catalog | undefined;

export function cliCatalog(): Catalog {
  if (cached) return cached;
  const { catalog, errors } = loadTemplates();
  if (errors.length > 0) throw new UsageError(`Katalogen i templates/ har fel:\n${errors.map(formatCatalogError).join("\n")}`);
  cached = catalog;
  return catalog;
}

export function requireUppdrag(id: string): Uppdrag {
  const catalog = cliCatalog();
  const u = findUppdrag(catalog, id);
  if (!u) throw new UsageError(`Uppdraget "${id}" finns inte. Finns: ${catalog.uppdrag.map((x) => x.id).join(", ")}.`);
  return u;
}
