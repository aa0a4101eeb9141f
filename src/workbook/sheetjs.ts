/**
 * SheetJS, loaded on first use: about 275 ms of start-up that the targeted read of our own
 * templates, `list`, `describe` and `--help` never need. A plain require (not import()) keeps
 * the reader synchronous; webpack bundles it into the same lazily loaded chunk as the reader.
 */
import type * as XLSX from "xlsx";

let loaded: typeof XLSX | undefined;

export function sheetjs(): typeof XLSX {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require("xlsx") as typeof XLSX);
}
