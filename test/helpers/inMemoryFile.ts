import type { InputFile } from "../../src/workbook/collect";

/** A file for checkFiles/rollupFiles from bytes the test made (the front ends read theirs from disk or a picker). */
export function inMemoryFile(name: string, bytes: Uint8Array): InputFile {
  return { name, read: async () => bytes };
}
