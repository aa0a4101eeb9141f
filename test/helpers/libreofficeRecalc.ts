/**
 * Recalculating a workbook with LibreOffice for tests. By default LibreOffice keeps an .xlsx's
 * cached results on load, so a conversion proves nothing about the formulas: these helpers blank
 * the cached results first and run LibreOffice with a private profile that recalculates always.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { soffice } from "./libreoffice";

/** Calc → Formula → Recalculation on file load → Excel 2007 and newer: always (0). */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A copy of an .xlsx whose formula cells have no cached result: any value must come from the formula. */
export function blankCachedResults(bytes: Uint8Array): { bytes: Uint8Array; formulas: number } {
  const files = unzipSync(bytes);
  let formulas = 0;
  for (const name of Object.keys(files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = strFromU8(files[name]!).replace(/(<f>[^<]*<\/f>)<v>[^<]*<\/v>/g, (_, f: string) => {
      formulas++;
      return f;
    });
    files[name] = strToU8(xml);
  }
  return { bytes: zipSync(files), formulas };
}

/** Rewrites every formula of the sheets in an .xlsx (for checking that a test notices a broken formula). */
export function mapFormulas(bytes: Uint8Array, change: (formula: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  for (const name of Object.keys(files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    files[name] = strToU8(
      strFromU8(files[name]!).replace(/<f>([^<]*)<\/f>/g, (_, f: string) => `<f>${change(f)}</f>`),
    );
  }
  return zipSync(files);
}

/**
 * Opens each workbook in LibreOffice with recalculation on load forced, and saves it again as
 * .xlsx (one LibreOffice run for all). Returns the saved bytes by name.
 */
export function recalculateWithLibreOffice(books: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "uppfoljning-recalc-"));
  try {
    const profile = path.join(dir, "profil");
    fs.mkdirSync(path.join(profile, "user"), { recursive: true });
    fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
    const input = path.join(dir, "in");
    const out = path.join(dir, "ut");
    fs.mkdirSync(input);
    const inputs = [...books].map(([name, bytes]) => {
      const file = path.join(input, `${name}.xlsx`);
      fs.writeFileSync(file, bytes);
      return file;
    });
    const result = spawnSync(
      soffice!,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        out,
        ...inputs,
      ],
      {
        encoding: "utf8",
        timeout: 300_000,
      },
    );
    if (result.status !== 0) throw new Error(`LibreOffice: status ${result.status}: ${result.stderr}`);
    return new Map(
      [...books.keys()].map((name) => [
        name,
        new Uint8Array(fs.readFileSync(path.join(out, `${name}.xlsx`))),
      ]),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
