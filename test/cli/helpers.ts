import { run } from "../../src/cli/main";
import type { Io } from "../../src/cli/io";

/** Runs the command line in-process and captures what it prints. */
export async function cli(
  args: string[],
  cwd = process.cwd(),
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = {
    out: (t) => (out += t.endsWith("\n") ? t : `${t}\n`),
    err: (t) => (err += t.endsWith("\n") ? t : `${t}\n`),
    interactive: false,
    progress: () => undefined,
    cwd,
  };
  const code = await run(args, io);
  return { code, out, err };
}
