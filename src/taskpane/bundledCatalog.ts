/**
 * The catalog as bundled by webpack: every JSON file under templates/ as its own text
 * (webpack.config.js makes them `asset/source`), parsed by the same loader as the CLI's.
 */
import { loadCatalog, type CatalogError, type CatalogSource } from "../core/catalog";
import type { Catalog } from "../core/model";

interface TextContext {
  keys(): string[];
  (key: string): string;
}
// webpack's require.context, typed here rather than with all of @types/webpack-env.
declare const require: { context(directory: string, recursive: boolean, filter: RegExp): TextContext };

export function loadBundledCatalog(): { catalog: Catalog; errors: CatalogError[]; sources: CatalogSource[] } {
  const context = require.context("../../templates", true, /\.json$/);
  const sources = context
    .keys()
    .filter((key) => key.startsWith("./"))
    .sort()
    .map((key) => ({ path: `templates/${key.slice(2)}`, text: context(key) }));
  return { ...loadCatalog(sources), sources };
}
