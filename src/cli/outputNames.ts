/** What the command line writes must be named for what it is: a zip under .csv or a name without extension helps no one. */
import * as path from "node:path";
import { UsageError } from "./io";

export function requireExtension(
  option: string,
  file: string,
  extension: ".xlsx" | ".csv" | ".docx",
  what: string,
) {
  if (path.extname(file).toLowerCase() !== extension)
    throw new UsageError(`${option} ${file}: ${what}, så filnamnet ska sluta på ${extension}.`);
}
