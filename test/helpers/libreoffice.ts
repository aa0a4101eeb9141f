/** LibreOffice for tests: where it is, and a headless conversion with a private profile. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const full = path.join(dir, command);
    if (dir && fs.existsSync(full)) return full;
  }
  return undefined;
}
export const soffice = onPath("soffice") ?? onPath("libreoffice");
/** poppler-utils' pdftotext, for reading what a PDF shows (scripts/system-deps.sh installs it on CI). */
export const pdftotext = onPath("pdftotext");

export function convertWithLibreOffice(
  bytes: Uint8Array,
  to: string,
  name = "mall.xlsx",
): { status: number | null; files: string[]; dir: string; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-lo-"));
  const input = path.join(dir, name);
  fs.writeFileSync(input, bytes);
  const out = path.join(dir, "ut");
  // Own profile: parallel LibreOffice runs with a shared profile block each other.
  const result = spawnSync(
    soffice!,
    [
      `-env:UserInstallation=file://${path.join(dir, "profil")}`,
      "--headless",
      "--norestore",
      "--convert-to",
      to,
      "--outdir",
      out,
      input,
    ],
    { encoding: "utf8", timeout: 120_000 },
  );
  return {
    status: result.status,
    files: fs.existsSync(out) ? fs.readdirSync(out).map((f) => path.join(out, f)) : [],
    dir,
    stderr: result.stderr,
  };
}
