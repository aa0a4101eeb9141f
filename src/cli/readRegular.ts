/**
 * Reads an input file only if it is a regular file: opened without blocking and checked on the
 * open handle, so a FIFO or device put in a file's place after the folder was listed is refused
 * at once instead of making the run wait forever.
 */
import * as fs from "node:fs";

/** Our own errno-style code for "not a regular file" (core/messages/systemErrors says it in Swedish). */
const NOT_REGULAR = "ENOTREG";

export async function readRegularFile(file: string): Promise<Uint8Array> {
  const handle = await fs.promises.open(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    if (!(await handle.stat()).isFile())
      throw Object.assign(new Error(`${file} is not a regular file`), { code: NOT_REGULAR, path: file });
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}
