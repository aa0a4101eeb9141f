/** The operating system's refusals as one Swedish sentence for the command line (see core/messages/systemErrors). */
import { systemReason } from "../core/messages/systemErrors";

/** A Swedish sentence for a file-system error, or undefined for anything else. */
export function systemErrorText(e: unknown): string | undefined {
  const system = systemReason(e);
  if (!system) return undefined;
  const file = (e as NodeJS.ErrnoException).path;
  return `${file ? `${file} kunde inte användas` : "En fil kunde inte användas"}: ${system.reason} (${system.code}).`;
}
