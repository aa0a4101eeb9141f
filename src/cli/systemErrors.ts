/** The operating system's refusals (no permission, disk full, a folder where a file was meant) in Swedish. */
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
};

/** A Swedish sentence for a file-system error, or undefined for anything else. */
export function systemErrorText(e: unknown): string | undefined {
  const err = e as NodeJS.ErrnoException | undefined;
  // mkdir -p over a file: the name is taken by a file where a folder is needed.
  const code = err?.code === "EEXIST" && err.syscall === "mkdir" ? "ENOTDIR" : err?.code;
  const reason = typeof code === "string" ? REASONS[code] : undefined;
  if (!reason) return undefined;
  return `${err!.path ? `${err!.path} kunde inte användas` : "En fil kunde inte användas"}: ${reason} (${code}).`;
}
