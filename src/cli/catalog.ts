/**
 * The catalog as the CLI uses it: the built-in uppdrag in templates/ plus any folders the user
 * adds (`--katalog <mapp>`, or UPPFOLJNING_KATALOG with folders separated like PATH). Loaded
 * once per set of folders; any error in any file is a usage error naming file and field.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Catalog, Uppdrag } from "../core/model";
import { findUppdrag, formatCatalogError, loadCatalog } from "../core/catalog";
import { TEMPLATES_DIR, readTemplateSources } from "./templateFiles";
import { UsageError } from "./io";

export const CATALOG_ENV = "UPPFOLJNING_KATALOG";

let extraFolders: readonly string[] = [];
let cached: { key: string; catalog: Catalog } | undefined;

/** The folders from the environment and the command line, resolved against cwd and checked to exist. */
export function useCatalogFolders(
  fromOption: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const fromEnv = (env[CATALOG_ENV] ?? "").split(path.delimiter).filter(Boolean);
  const folders = [...fromEnv, ...fromOption].map((f) => path.resolve(cwd, f));
  for (const folder of folders) {
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
      throw new UsageError(
        `Katalogmappen ${folder} finns inte eller är ingen mapp (--katalog eller ${CATALOG_ENV}).`,
      );
  }
  extraFolders = [...new Set(folders)].filter((f) => f !== TEMPLATES_DIR);
}

/** The folders in use, for worker threads that load the catalog themselves. */
export const catalogFolders = (): readonly string[] => extraFolders;

export function cliCatalog(): Catalog {
  const key = extraFolders.join("\0");
  if (cached?.key === key) return cached.catalog;
  const sources = [TEMPLATES_DIR, ...extraFolders].flatMap((dir) => readTemplateSources(dir));
  const { catalog, errors } = loadCatalog(sources);
  const where = extraFolders.length
    ? `Katalogen (templates/ och ${extraFolders.join(", ")})`
    : "Katalogen i templates/";
  if (errors.length > 0)
    throw new UsageError(`${where} har fel:\n${errors.map(formatCatalogError).join("\n")}`);
  cached = { key, catalog };
  return catalog;
}

export function requireUppdrag(id: string): Uppdrag {
  const catalog = cliCatalog();
  const u = findUppdrag(catalog, id);
  if (!u)
    throw new UsageError(
      `Uppdraget "${id}" finns inte. Finns: ${catalog.uppdrag.map((x) => x.id).join(", ")}.`,
    );
  return u;
}
