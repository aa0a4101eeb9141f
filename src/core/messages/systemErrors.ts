/**
 * The operating system's refusals (no permission, disk full, a folder where a file was meant)
 * in Swedish, so no English system text ("EACCES: permission denied") reaches a user. In core
 * because both the command line and the per-file reading (workbook/collect) need it.
 */
const REASONS: Record<string, string> = {
  EACCES: "behörighet saknas",
  EPERM: "åtgärden är inte tillåten",
  EROFS: "platsen är skrivskyddad",
  ENOSPC: "disken är full",
  EISDIR: "det är en mapp, inte en fil",
  ENOTDIR: "en del av sökvägen är en fil, inte en mapp",
  ENOENT: "filen eller mappen finns inte",
  EEXIST: "den finns redan",
  EBUSY: "den används av ett annat program",
  EMFILE: "för många filer är öppna",
  ENFILE: "för många filer är öppna",
  ELOOP: "för många länkar i rad (en länk som pekar på sig själv?)",
  ENAMETOOLONG: "namnet är för långt",
  EIO: "läsfel på disken",
  ENXIO: "ingen enhet hör till filen",
  ETIMEDOUT: "det tog för lång tid",
  EAGAIN: "resursen är tillfälligt upptagen",
  // Not the system's own: cli/readRegular's refusal of a FIFO, socket or device.
  ENOTREG: "ingen vanlig fil (t.ex. en FIFO eller en enhet)",
};

/** The errno code of a file-system error and its Swedish reason, or undefined for anything else. */
export function systemReason(e: unknown): { code: string; reason: string } | undefined {
  const err = e as { code?: unknown; syscall?: unknown } | undefined;
  // mkdir -p over a file: the name is taken by a file where a folder is needed.
  const code = err?.code === "EEXIST" && err.syscall === "mkdir" ? "ENOTDIR" : err?.code;
  const reason = typeof code === "string" ? REASONS[code] : undefined;
  return reason ? { code: code as string, reason } : undefined;
}
