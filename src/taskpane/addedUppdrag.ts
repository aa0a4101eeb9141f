/**
 * An uppdrag file the controller picks in the pane, added to the bundled catalog for this
 * session: loaded with the built-in files by the same loader as the CLI's --katalog, so a
 * broken file or an id that is already taken is refused naming the file and field.
 */
import { formatCatalogError, loadCatalog, type CatalogSource } from "../core/catalog";
import type { Catalog } from "../core/model";

export type AddedCatalog =
  { ok: true; catalog: Catalog; added: CatalogSource[] } | { ok: false; errors: string[] };

/** Where a picked file is said to be in messages (the pane does not know its folder). */
export const addedPath = (fileName: string) => `egna uppdrag/${fileName}`;

/** The catalog with the picked files added to what was added before (a file picked again replaces its earlier version). */
export function addUppdragFiles(
  builtIn: readonly CatalogSource[],
  added: readonly CatalogSource[],
  picked: readonly CatalogSource[],
): AddedCatalog {
  const replaced = new Set(picked.map((p) => p.path));
  const next = [...added.filter((a) => !replaced.has(a.path)), ...picked];
  const { catalog, errors } = loadCatalog([...builtIn, ...next]);
  if (errors.length > 0) return { ok: false, errors: errors.map(formatCatalogError) };
  return { ok: true, catalog, added: next };
}
