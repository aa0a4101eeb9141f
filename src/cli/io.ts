import { terminalSafe } from "./terminalText";

/** Where a command writes: injected so commands run in tests without a process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal: progress may be shown. */
  interactive: boolean;
  /** Raw text to stderr (progress lines rewrite themselves with \r). */
  progress(text: string): void;
  cwd: string;
}

/** What the commands print reaches the terminal with its control characters escaped (see terminalText). */
export const processIo = (): Io => ({
  out: (t) => process.stdout.write(terminalSafe(t.endsWith("\n") ? t : `${t}\n`)),
  err: (t) => process.stderr.write(terminalSafe(t.endsWith("\n") ? t : `${t}\n`)),
  interactive: Boolean(process.stderr.isTTY),
  progress: (t) => process.stderr.write(t),
  cwd: process.cwd(),
});

/** Exit statuses: 0 no errors (warnings allowed), 1 validation errors, 2 usage error or unreadable file. */
export const EXIT = { ok: 0, validationErrors: 1, usage: 2 } as const;

/** A usage problem (unknown uppdrag, bad period): printed in Swedish, exit 2, no stack trace. */
export class UsageError extends Error {}
