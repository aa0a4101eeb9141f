/**
 * A workbook's zip entries held as an editable document for the fuzzer: sheets by name,
 * defined names, and cells found and replaced in the sheet XML, without parsing it.
 */
import { strFromU8, strToU8 } from "fflate";

export const WORKBOOK = "xl/workbook.xml";
export const RELS = "xl/_rels/workbook.xml.rels";

export interface DefinedName {
  name: string;
  ref: string;
  sheet?: string;
  cell?: string;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
export const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export class WorkbookDoc {
  /** Entries in zip order; an entry may be replaced by bytes that are not UTF-8 at all. */
  readonly entries: [string, Uint8Array][];

  constructor(entries: Iterable<[string, Uint8Array]>) {
    this.entries = [...entries].map(([n, b]) => [n, b]);
  }

  names(): string[] {
    return this.entries.map(([n]) => n);
  }

  has(name: string): boolean {
    return this.entries.some(([n]) => n === name);
  }

  bytes(name: string): Uint8Array | undefined {
    return this.entries.find(([n]) => n === name)?.[1];
  }

  text(name: string): string | undefined {
    const b = this.bytes(name);
    return b && strFromU8(b);
  }

  set(name: string, data: Uint8Array | string) {
    const bytes = typeof data === "string" ? strToU8(data) : data;
    const at = this.entries.findIndex(([n]) => n === name);
    if (at >= 0) this.entries[at] = [name, bytes];
    else this.entries.push([name, bytes]);
  }

  remove(name: string) {
    const at = this.entries.findIndex(([n]) => n === name);
    if (at >= 0) this.entries.splice(at, 1);
  }

  edit(name: string, change: (xml: string) => string): boolean {
    const xml = this.text(name);
    if (xml === undefined) return false;
    const after = change(xml);
    this.set(name, after);
    return after !== xml;
  }

  /** Sheet name → entry path, through workbook.xml and its relationships. */
  sheets(): Map<string, string> {
    const out = new Map<string, string>();
    const workbook = this.text(WORKBOOK) ?? "";
    const rels = this.text(RELS) ?? "";
    for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
      const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
      const target = id && new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      if (name !== undefined && target)
        out.set(unescapeXml(name), target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    }
    return out;
  }

  definedNames(): DefinedName[] {
    const workbook = this.text(WORKBOOK) ?? "";
    return [...workbook.matchAll(/<definedName\b[^>]*\bname="([^"]*)"[^>]*>([^<]*)<\/definedName>/g)].map(
      (m) => {
        const ref = unescapeXml(m[2]!);
        const place = /^'?((?:[^']|'')+?)'?!\$?([A-Z]+)\$?(\d+)/.exec(ref);
        return {
          name: m[1]!,
          ref,
          ...(place ? { sheet: place[1]!.replace(/''/g, "'"), cell: `${place[2]}${place[3]}` } : {}),
        };
      },
    );
  }

  /** Points the defined name at `ref` (as written in a formula, e.g. 'Blad'!$A$1). */
  retarget(name: string, ref: string): boolean {
    return this.edit(WORKBOOK, (x) =>
      x.replace(
        new RegExp(`(<definedName\\b[^>]*\\bname="${name}"[^>]*>)[^<]*`),
        (_, open: string) => `${open}${escapeXml(ref)}`,
      ),
    );
  }

  /** Replaces the <c> element of `cell` on the sheet with `xml` (added in a row of its own when absent). */
  setCell(sheet: string, cell: string, xml: string): boolean {
    const path = this.sheets().get(sheet);
    if (!path || !this.has(path)) return false;
    return this.edit(path, (x) => {
      const element = new RegExp(`<c r="${cell}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`);
      if (element.test(x)) return x.replace(element, xml);
      const row = /\d+$/.exec(cell)![0];
      return x
        .replace("</sheetData>", `<row r="${row}">${xml}</row></sheetData>`)
        .replace("<sheetData/>", `<sheetData><row r="${row}">${xml}</row></sheetData>`);
    });
  }
}
