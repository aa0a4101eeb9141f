/** What the pane says when an operation throws: the adapters' own Swedish messages, else a general line. */
export function errorText(e: unknown): string {
  if (e instanceof Error && e.name === "HostNotSupportedError") return e.message;
  const message = e instanceof Error ? e.message : String(e);
  return `Något gick fel: ${message}`;
}
