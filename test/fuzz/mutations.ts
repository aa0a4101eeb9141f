/**
 * The fuzzer's mutations: the hostile cases of issue 9 (huge numbers, bad dates, names over a
 * whole sheet, huge dimensions and row numbers, many sheets, lookalike and control characters,
 * formulas and injections in Metadata, prototype keys) and random ones of names, metadata,
 * cells, XML and zip structure. Each returns a short description of what it did (for the
 * failure message), or undefined when it does not apply to the workbook.
 */
import { strToU8 } from "fflate";
import { LIMITS } from "../../src/workbook/limits";
import { META_KEYS, META_SHEET } from "../../src/workbook/layout";
import type { Rng } from "./prng";
import { RELS, WORKBOOK, escapeXml, type WorkbookDoc } from "./workbookDoc";
import { concat, recordsOf } from "./rawZip";
import { declareSize, toZip64 } from "../workbook/hostileZip";

export interface DocMutation {
  name: string;
  weight: number;
  apply(doc: WorkbookDoc, r: Rng): string | undefined;
}

export interface ZipMutation {
  name: string;
  weight: number;
  apply(zip: Uint8Array, r: Rng): { zip: Uint8Array; what: string };
}

const show = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…(${s.length})` : s);

/** Texts a hostile or careless unit may put anywhere a text goes. */
export const HOSTILE_TEXT = [
  "Enhet A\u200b",
  "Enhet \u0410",
  "\u0415\u043dhet A",
  "\u001b[2J\u001b]0;kapat\u0007",
  "Enhet\uffff",
  "Enhet\ufffe",
  "\u202eA tehnE",
  "\ud800Enhet",
  "Enhet\u0000A",
  "_x001B_[2J_x0007_",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  '=HYPERLINK("http://x.invalid";"klicka")',
  "+SUM(1;2)",
  "@A1",
  "-1",
  "2025H1' OR 1=1",
  '2025H1"; DROP TABLE x; --',
  "",
  " ",
  "\u00a0\u200b",
  "x".repeat(40_000),
  "Ｅｎｈｅｔ Ａ",
  "Enhe\u0301t",
  "Rad 1\r\nRad 2",
  "<b>fet</b>",
  "&amp;",
  "%s%s%n",
  "${process.exit()}",
  "Team Norr",
  "psykiatrisk-hemsjukvard",
  "2025H1",
];

/** Number texts no count, amount or day can be. */
const HUGE_NUMBERS = [
  "1000000000000000000000",
  "1e308",
  "-1e308",
  "1.7976931348623157e308",
  "1e309",
  "-1e309",
  "9007199254740993",
  "5e-324",
  "1e-400",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x1F",
  "1,5",
  "١٢",
  "12e",
  "",
];

/** Text typed into a number cell that a reader may try to take as a number. */
const NUMBER_TEXT = [
  "Infinity",
  "-Infinity",
  "1e400",
  "∞",
  "1 000 000 000 000 000 000 000",
  "12,5",
  "1.234.567",
  "−5",
  "tolv",
  "NaN",
  "0x10",
  "1e308",
  "10%",
  "  7  ",
  "7\u00a0000",
];

const DATES = [
  "99999999-01-01",
  "inget datum",
  "-271821-04-20",
  "+275760-09-14T00:00:00Z",
  "2025-02-30",
  "",
  "1e308",
  "2025-06-01",
  "0000-00-00",
  "NaN",
];

const META_VALUES: Partial<Record<(typeof META_KEYS)[number], string[]>> = {
  period: [
    "2025H1' OR 1=1",
    '=HYPERLINK("x")',
    "",
    "2025H3",
    "99999999999H1",
    "2025M13",
    "0000H1",
    "2025h1",
    "2025H1 ",
    "H1",
    "2025T4",
    "__proto__",
  ],
  delar: [
    "finns-inte",
    "__proto__",
    "constructor",
    "toString",
    ",",
    Array.from({ length: 500 }, (_, i) => `del${i}`).join(","),
  ],
  uppdrag: [
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "psykiatrisk-hemsjukvard",
    "oppna-verksamheter",
    "",
    "okänt-uppdrag",
  ],
  mallversion: ["", "999", "__proto__", "1.0\u0000", "1e308"],
};

/** Characters and encodings a text may come with: raw, as character references, or as Excel's _xHHHH_ escapes. */
function encodeText(s: string, r: Rng): string {
  const mode = r.int(3);
  if (mode === 0) return escapeXml(s);
  // eslint-disable-next-line no-control-regex -- control characters are the special ones
  const special = (c: string) => /[\u0000-\u001f\u007f-\u009f\u200b\u202e\ud800-\udfff\ufffe\uffff]/.test(c);
  return [...s]
    .map((c) =>
      !special(c)
        ? escapeXml(c)
        : mode === 1
          ? `&#${c.codePointAt(0)};`
          : `_x${c.codePointAt(0)!.toString(16).padStart(4, "0").toUpperCase()}_`,
    )
    .join("");
}

const inlineCell = (cell: string, text: string, r: Rng) =>
  `<c r="${cell}" t="inlineStr"><is><t xml:space="preserve">${encodeText(text, r)}</t></is></c>`;

/** The defined names of the template (inputs U_ and metadata META_) whose target is one cell. */
function templateNames(doc: WorkbookDoc, prefix?: "U_" | "META_") {
  return doc
    .definedNames()
    .filter((n) => n.sheet && n.cell && (prefix ? n.name.startsWith(prefix) : /^(U|META)_/.test(n.name)));
}

function setMeta(doc: WorkbookDoc, key: string, text: string, r: Rng): boolean {
  const target = doc.definedNames().find((n) => n.name === `META_${key}`);
  return !!target?.sheet && doc.setCell(target.sheet, target.cell!, inlineCell(target.cell!, text, r));
}

function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function randomCellXml(cell: string, r: Rng): { xml: string; what: string } {
  const kind = r.int(16);
  const v = (t: string, value: string, extra = "") =>
    `<c r="${cell}"${t ? ` t="${t}"` : ""}${extra}><v>${escapeXml(value)}</v></c>`;
  switch (kind) {
    case 0: {
      const n = r.pick(HUGE_NUMBERS);
      return { xml: v("", n), what: `number ${n}` };
    }
    case 1: {
      const index = r.pick(["99999", "-1", "abc", "1e9", "", "0.5", "4294967296"]);
      return { xml: v("s", index), what: `shared string index ${index}` };
    }
    case 2: {
      const text = r.pick(NUMBER_TEXT);
      return { xml: v("n", text), what: `t="n" holding ${show(text)}` };
    }
    case 3: {
      const d = r.pick(DATES);
      return { xml: v("d", d), what: `t="d" ${show(d)}` };
    }
    case 4: {
      const e = r.pick(["#DIV/0!", "#N/A", "#BOGUS!", "", "#REF!", "#GETTING_DATA"]);
      return { xml: v("e", e), what: `error ${show(e)}` };
    }
    case 5: {
      const text = r.pick([...NUMBER_TEXT, ...HOSTILE_TEXT]);
      return { xml: inlineCell(cell, text, r), what: `inline string ${show(text)}` };
    }
    case 6: {
      const b = r.pick(["2", "true", "", "ja"]);
      return { xml: v("b", b), what: `boolean ${show(b)}` };
    }
    case 7:
      return { xml: `<c r="${cell}"><f>1/0</f></c>`, what: "formula without a value" };
    case 8:
      return { xml: v(r.pick(["x", "inlineStr", "str", "z", "__proto__"]), "7"), what: "odd cell type" };
    case 9: {
      const s = r.pick(["99999", "-1", "abc", "4294967296"]);
      return { xml: v("", "7", ` s="${s}"`), what: `style index ${s}` };
    }
    case 10:
      return { xml: `<c r="${cell}"/>`, what: "empty cell" };
    case 11:
      return { xml: `<c t="n"><v>7</v></c>`, what: "cell without r" };
    case 12: {
      const ref = r.pick(["C0", "XFE1", "A1048577", "A99999999999", "AAAAAA1", "c5", "__proto__"]);
      return { xml: `<c r="${ref}"><v>7</v></c>`, what: `cell at ${ref}` };
    }
    case 13: {
      const text = r.pick(HOSTILE_TEXT);
      return { xml: v("str", text), what: `t="str" ${show(text)}` };
    }
    case 14:
      return {
        xml: v("n", "5", ' s="0"').replace("<v>", '<v xml:space="preserve">'),
        what: "attribute on <v>",
      };
    default:
      return {
        xml: `<c r="${cell}" t="inlineStr"><is><r><t>1</t></r><r><t>2</t></r><rPh><t>9</t></rPh></is></c>`,
        what: "rich inline string",
      };
  }
}

// ---------------------------------------------------------------------------
// The hostile cases of the issue

const hostile: DocMutation[] = [
  {
    name: "huge number in an input",
    weight: 4,
    apply(doc, r) {
      const target = r.pick(templateNames(doc, "U_"));
      if (!target) return undefined;
      const n = r.pick(HUGE_NUMBERS);
      doc.setCell(target.sheet!, target.cell!, `<c r="${target.cell}"><v>${n}</v></c>`);
      return `${target.name} = ${n}`;
    },
  },
  {
    name: "Infinity-like text in an input",
    weight: 2,
    apply(doc, r) {
      const target = r.pick(templateNames(doc, "U_"));
      if (!target) return undefined;
      const text = r.pick(NUMBER_TEXT);
      doc.setCell(target.sheet!, target.cell!, inlineCell(target.cell!, text, r));
      return `${target.name} = text ${show(text)}`;
    },
  },
  {
    name: "invalid or huge date in an input",
    weight: 3,
    apply(doc, r) {
      const target = r.pick(templateNames(doc, "U_"));
      if (!target) return undefined;
      const d = r.pick(DATES);
      doc.setCell(target.sheet!, target.cell!, `<c r="${target.cell}" t="d"><v>${escapeXml(d)}</v></c>`);
      return `${target.name} = date ${show(d)}`;
    },
  },
  {
    name: "name over a whole sheet",
    weight: 3,
    apply(doc, r) {
      const target = r.pick(templateNames(doc));
      if (!target) return undefined;
      const range = r.pick([
        "$A$1:$XFD$1048576",
        "$A:$XFD",
        "$C$5:$C$1048576",
        "$C$5:$C$10004",
        "$A$1:$XFD$1",
      ]);
      doc.retarget(target.name, `${quoteSheet(target.sheet!)}!${range}`);
      return `${target.name} → ${range}`;
    },
  },
  {
    name: "whole-grid dimension",
    weight: 2,
    apply(doc, r) {
      const [sheet, path] = r.pick([...doc.sheets()]) ?? [];
      if (!path) return undefined;
      doc.edit(path, (x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'));
      const lost =
        r.chance(0.5) && doc.edit(WORKBOOK, (x) => x.replace(/<definedNames>[\s\S]*<\/definedNames>/, ""));
      return `dimension A1:XFD1048576 on ${sheet}${lost ? ", names lost" : ""}`;
    },
  },
  {
    name: "Metadata declaring huge row counts",
    weight: 2,
    apply(doc, r) {
      const path = doc.sheets().get(META_SHEET);
      if (!path) return undefined;
      const row = r.pick(["2000000000", "1048576", "1048577", "4294967296", "99999999999999999999"]);
      doc.edit(path, (x) =>
        x
          .replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:B${row}"/>`)
          .replace(
            "</sheetData>",
            `<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>enhet</t></is></c></row></sheetData>`,
          ),
      );
      const lost =
        r.chance(0.6) &&
        doc.edit(WORKBOOK, (x) => x.replace(/<definedName name="META_[^"]*">[^<]*<\/definedName>/g, ""));
      return `Metadata row ${row}${lost ? ", META_ names lost" : ""}`;
    },
  },
  {
    name: "many sheets",
    weight: 1,
    apply(doc, r) {
      const count = r.pick([20, LIMITS.sheets - 5, LIMITS.sheets + 1, 600]);
      const sheetXml =
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>';
      const sheets: string[] = [];
      const rels: string[] = [];
      for (let i = 0; i < count; i++) {
        doc.set(`xl/worksheets/fuzz${i}.xml`, sheetXml);
        sheets.push(`<sheet name="Blad ${i}" sheetId="${1000 + i}" r:id="rIdFuzz${i}"/>`);
        rels.push(
          `<Relationship Id="rIdFuzz${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/fuzz${i}.xml"/>`,
        );
      }
      doc.edit(WORKBOOK, (x) => x.replace("</sheets>", `${sheets.join("")}</sheets>`));
      doc.edit(RELS, (x) => x.replace("</Relationships>", `${rels.join("")}</Relationships>`));
      return `${count} more sheets`;
    },
  },
  {
    name: "hostile unit name",
    weight: 4,
    apply(doc, r) {
      const text = r.pick(HOSTILE_TEXT);
      return setMeta(doc, "enhet", text, r) ? `enhet = ${show(text)}` : undefined;
    },
  },
  {
    name: "hostile Metadata field",
    weight: 4,
    apply(doc, r) {
      const key = r.pick(Object.keys(META_VALUES) as (keyof typeof META_VALUES)[]);
      const text = r.chance(0.7) ? r.pick(META_VALUES[key]!) : r.pick(HOSTILE_TEXT);
      return setMeta(doc, key, text, r) ? `${key} = ${show(text)}` : undefined;
    },
  },
  {
    name: "prototype keys as names",
    weight: 3,
    apply(doc, r) {
      const key = r.pick(["__proto__", "constructor", "prototype", "toString", "valueOf"]);
      const what = r.int(4);
      if (what === 0) {
        const names = [key, `U_${key}`, `META_${key}`, `_xlnm.${key}`].map(
          (n) => `<definedName name="${n}">${escapeXml(`'${META_SHEET}'!$B$1`)}</definedName>`,
        );
        doc.edit(WORKBOOK, (x) => x.replace("<definedNames>", `<definedNames>${names.join("")}`));
        return `defined names ${key}, U_${key}, META_${key}`;
      }
      if (what === 1) {
        const [sheet] = r.pick([...doc.sheets()]) ?? [];
        if (sheet === undefined) return undefined;
        doc.edit(WORKBOOK, (x) =>
          x
            .split(`name="${escapeXml(sheet)}"`)
            .join(`name="${key}"`)
            .split(`'${escapeXml(sheet)}'!`)
            .join(`'${key}'!`)
            .split(`&apos;${escapeXml(sheet)}&apos;!`)
            .join(`&apos;${key}&apos;!`)
            .split(`>${escapeXml(sheet)}!`)
            .join(`>${key}!`),
        );
        return `sheet ${sheet} renamed ${key}`;
      }
      if (what === 2) {
        // A Metadata row keyed __proto__ (read by key when the META_ names are lost).
        const path = doc.sheets().get(META_SHEET);
        if (!path) return undefined;
        doc.edit(path, (x) =>
          x.replace(
            "</sheetData>",
            `<row r="40"><c r="A40" t="inlineStr"><is><t>${key}</t></is></c><c r="B40" t="inlineStr"><is><t>{"polluted":1}</t></is></c></row></sheetData>`,
          ),
        );
        doc.edit(WORKBOOK, (x) => x.replace(/<definedName name="META_[^"]*">[^<]*<\/definedName>/g, ""));
        return `Metadata key ${key}, META_ names lost`;
      }
      return setMeta(doc, r.pick(["enhet", "uppdrag", "delar", "period", "mallversion"]), key, r)
        ? `a Metadata field = ${key}`
        : undefined;
    },
  },
];

// ---------------------------------------------------------------------------
// Random mutations of names, metadata, cells and XML

const random: DocMutation[] = [
  {
    name: "delete a defined name",
    weight: 3,
    apply(doc, r) {
      const target = r.pick(doc.definedNames());
      if (!target) return undefined;
      doc.edit(WORKBOOK, (x) =>
        x.replace(new RegExp(`<definedName\\b[^>]*\\bname="${target.name}"[^>]*>[^<]*</definedName>`), ""),
      );
      return `deleted ${target.name}`;
    },
  },
  {
    name: "retarget a defined name",
    weight: 3,
    apply(doc, r) {
      const target = r.pick(templateNames(doc));
      if (!target) return undefined;
      const sheets = [...doc.sheets().keys()];
      const sheet = (r.chance(0.8) ? r.pick(sheets) : undefined) ?? r.pick(["Finns inte", "", "Blad1", "'"]);
      const ref = r.pick([
        `${quoteSheet(sheet)}!$${r.pick(["A", "B", "C", "D", "XFD"])}$${1 + r.int(300)}`,
        `${quoteSheet(sheet)}!$C$9:$C$5`,
        `${quoteSheet(sheet)}!$C$5:$E$40`,
        "#REF!",
        `${quoteSheet(sheet)}!#REF!`,
        `${sheet}!$C$5`,
        `${quoteSheet(sheet)}!$ZZZZ$1`,
        `${quoteSheet(sheet)}!$C$0`,
        `${quoteSheet(sheet)}!$4:$4`,
        "=1+1",
        "",
        `[1]${quoteSheet(sheet)}!$C$5`,
        `${quoteSheet(sheet)}!$C$5,${quoteSheet(sheet)}!$C$6`,
      ]);
      doc.retarget(target.name, ref);
      return `${target.name} → ${show(ref)}`;
    },
  },
  {
    name: "duplicate a defined name",
    weight: 2,
    apply(doc, r) {
      const target = r.pick(templateNames(doc));
      const other = r.pick(templateNames(doc));
      if (!target || !other) return undefined;
      const copy = `<definedName name="${target.name}"${r.chance(0.3) ? ' localSheetId="0"' : ""}>${escapeXml(other.ref)}</definedName>`;
      doc.edit(WORKBOOK, (x) =>
        r.chance(0.5)
          ? x.replace("<definedNames>", `<definedNames>${copy}`)
          : x.replace("</definedNames>", `${copy}</definedNames>`),
      );
      return `${target.name} twice (also → ${other.ref})`;
    },
  },
  {
    name: "random Metadata value",
    weight: 3,
    apply(doc, r) {
      const key = r.pick(META_KEYS);
      const text = r.pick(HOSTILE_TEXT);
      return setMeta(doc, key, text, r) ? `${key} = ${show(text)}` : undefined;
    },
  },
  {
    name: "random cell value or type",
    weight: 6,
    apply(doc, r) {
      const target = r.chance(0.8) ? r.pick(templateNames(doc)) : undefined;
      const [sheet] = target ? [target.sheet!] : (r.pick([...doc.sheets()]) ?? []);
      if (sheet === undefined) return undefined;
      const cell = target?.cell ?? `${r.pick(["A", "B", "C", "D"])}${1 + r.int(60)}`;
      const { xml, what } = randomCellXml(cell, r);
      doc.setCell(sheet, cell, xml);
      return `${sheet}!${cell}: ${what}`;
    },
  },
  {
    name: "truncate an XML entry",
    weight: 2,
    apply(doc, r) {
      const name = r.pick(xmlEntries(doc));
      const bytes = name && doc.bytes(name);
      if (!bytes) return undefined;
      const at = r.int(bytes.length + 1);
      doc.set(name, bytes.slice(0, at));
      return `${name} cut at ${at}/${bytes.length}`;
    },
  },
  {
    name: "drop a closing tag",
    weight: 2,
    apply(doc, r) {
      const name = r.pick(xmlEntries(doc));
      const xml = name && doc.text(name);
      if (!xml) return undefined;
      const closings = [...xml.matchAll(/<\/[\w:]+>/g)];
      const m = r.pick(closings);
      if (!m) return undefined;
      doc.set(name, xml.slice(0, m.index) + xml.slice(m.index! + m[0].length));
      return `${name}: dropped ${m[0]} at ${m.index}`;
    },
  },
  {
    name: "insert an entity or a DOCTYPE",
    weight: 2,
    apply(doc, r) {
      const name = r.pick(xmlEntries(doc));
      const xml = name && doc.text(name);
      if (!xml) return undefined;
      const what = r.pick([
        "&bogus;",
        "&#0;",
        "&#xFFFF;",
        "&#x110000;",
        "&#99999999999;",
        "&#xD800;",
        "&lt;/t&gt;",
        "&amp;amp;",
        "]]>",
        "<![CDATA[7]]>",
      ]);
      if (r.chance(0.3)) {
        const doctype =
          '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
        doc.set(
          name,
          xml.replace(/^(<\?xml[^>]*\?>)?/, (decl) => `${decl}${doctype}`).replace("<v>", "<v>&c;"),
        );
        return `${name}: DOCTYPE with nested entities`;
      }
      const texts = [...xml.matchAll(/<(v|t)(?:\s[^>]*)?>/g)];
      const m = r.pick(texts);
      if (!m) return undefined;
      const at = m.index! + m[0].length;
      doc.set(name, xml.slice(0, at) + what + xml.slice(at));
      return `${name}: ${what} after ${m[0]} at ${at}`;
    },
  },
  {
    name: "BOM or UTF-16",
    weight: 2,
    apply(doc, r) {
      const name = r.pick(xmlEntries(doc));
      const xml = name && doc.text(name);
      if (!xml) return undefined;
      const how = r.int(4);
      if (how === 0) doc.set(name, `\ufeff${xml}`);
      else if (how === 1) doc.set(name, utf16(xml, true, true));
      else if (how === 2)
        doc.set(name, utf16(xml.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"'), true, true));
      else doc.set(name, utf16(xml, false, r.chance(0.5)));
      return `${name}: ${["UTF-8 BOM", "UTF-16LE with BOM", "UTF-16LE declared", "UTF-16BE"][how]}`;
    },
  },
  {
    name: "random bytes in an XML entry",
    weight: 2,
    apply(doc, r) {
      const name = r.pick(xmlEntries(doc));
      const bytes = name && doc.bytes(name)?.slice();
      if (!bytes || bytes.length === 0) return undefined;
      const n = 1 + r.int(6);
      for (let i = 0; i < n; i++)
        bytes[r.int(bytes.length)] = r.pick([0x00, 0x3c, 0x3e, 0x22, 0x26, 0xff, 0xc3, 0x80, r.int(256)]);
      doc.set(name, bytes);
      return `${name}: ${n} bytes changed`;
    },
  },
  {
    name: "remove an entry",
    weight: 2,
    apply(doc, r) {
      const name = r.pick(doc.names());
      if (!name) return undefined;
      doc.remove(name);
      return `removed ${name}`;
    },
  },
];

function xmlEntries(doc: WorkbookDoc): string[] {
  return doc.names().filter((n) => /\.(xml|rels)$/.test(n));
}

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const body = bom ? `\ufeff${text}` : text;
  const out = new Uint8Array(body.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < body.length; i++) view.setUint16(i * 2, body.charCodeAt(i), littleEndian);
  return out;
}

export const DOC_MUTATIONS = { hostile, random };

// ---------------------------------------------------------------------------
// Zip structure, on the packed bytes

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;

function entryNameAt(zip: Uint8Array, central: number): string {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const length = view.getUint16(central + 28, true);
  return new TextDecoder().decode(zip.subarray(central + 46, central + 46 + length));
}

export const ZIP_MUTATIONS: ZipMutation[] = [
  {
    name: "flip bytes",
    weight: 3,
    apply(zip, r) {
      const out = zip.slice();
      const n = 1 + r.int(8);
      const at: number[] = [];
      for (let i = 0; i < n; i++) {
        const p = r.int(out.length);
        out[p] = out[p]! ^ (1 << r.int(8));
        at.push(p);
      }
      return { zip: out, what: `flipped bits at ${at.join(",")}` };
    },
  },
  {
    name: "truncate",
    weight: 2,
    apply(zip, r) {
      const at = r.chance(0.5) ? r.int(zip.length) : zip.length - 1 - r.int(200);
      return { zip: zip.slice(0, Math.max(0, at)), what: `cut at ${at}/${zip.length}` };
    },
  },
  {
    name: "wrong CRC",
    weight: 2,
    apply(zip, r) {
      const out = zip.slice();
      const view = new DataView(out.buffer);
      const central = r.pick(recordsOf(out, CENTRAL));
      if (central === undefined) return { zip: out, what: "no central record for a CRC" };
      const local = view.getUint32(central + 42, true);
      const crc = (view.getUint32(central + 16, true) ^ (1 + r.int(0xffff))) >>> 0;
      view.setUint32(central + 16, crc, true);
      if (local + 18 <= out.length && view.getUint32(local, true) === LOCAL)
        view.setUint32(local + 14, crc, true);
      return { zip: out, what: `wrong CRC for ${entryNameAt(out, central)}` };
    },
  },
  {
    name: "wrong declared size",
    weight: 3,
    apply(zip, r) {
      const central = r.pick(recordsOf(zip, CENTRAL));
      if (central === undefined) return { zip, what: "no central record for a size" };
      const name = entryNameAt(zip, central);
      const size = r.pick([0, 1, 100, LIMITS.entryBytes + 1, 0x7fffffff, 0xfffffff0, 0xffffffff]);
      return { zip: declareSize(zip, name, size), what: `${name} declares ${size} bytes` };
    },
  },
  {
    name: "wrong compressed size or offset",
    weight: 2,
    apply(zip, r) {
      const out = zip.slice();
      const view = new DataView(out.buffer);
      const central = r.pick(recordsOf(out, CENTRAL));
      if (central === undefined) return { zip: out, what: "no central record" };
      const field = r.pick([20, 42]);
      const value = r.pick([0, 1, out.length, 0xffffffff, r.int(out.length)]);
      view.setUint32(central + field, value, true);
      return {
        zip: out,
        what: `${entryNameAt(out, central)}: ${field === 20 ? "compressed size" : "local offset"} ${value}`,
      };
    },
  },
  {
    name: "odd method or flags",
    weight: 1,
    apply(zip, r) {
      const out = zip.slice();
      const view = new DataView(out.buffer);
      const central = r.pick(recordsOf(out, CENTRAL));
      if (central === undefined) return { zip: out, what: "no central record" };
      const encrypted = r.chance(0.5);
      if (encrypted) view.setUint16(central + 8, view.getUint16(central + 8, true) | 1, true);
      else view.setUint16(central + 10, r.pick([1, 9, 12, 14, 99, 0xffff]), true);
      return {
        zip: out,
        what: `${entryNameAt(out, central)}: ${encrypted ? "encrypted flag" : "unknown method"}`,
      };
    },
  },
  {
    name: "entry count",
    weight: 1,
    apply(zip, r) {
      const out = zip.slice();
      const view = new DataView(out.buffer);
      const end = out.length - 22;
      if (end < 0 || view.getUint32(end, true) !== 0x06054b50) return { zip: out, what: "no end record" };
      const count = r.pick([0, 1, 0xfffe, 0xffff, view.getUint16(end + 10, true) + 1]);
      view.setUint16(end + 8, count, true);
      view.setUint16(end + 10, count, true);
      return { zip: out, what: `end record declares ${count} entries` };
    },
  },
  {
    name: "zip64",
    weight: 2,
    apply(zip) {
      try {
        return { zip: toZip64(zip), what: "rewritten as zip64" };
      } catch {
        return { zip, what: "zip64 not possible" };
      }
    },
  },
  {
    name: "garbage around",
    weight: 1,
    apply(zip, r) {
      const noise = strToU8(r.pick(["PK", "PK\u0005\u0006", "<html>", "\u0000".repeat(100)]));
      const before = r.chance(0.5);
      return {
        zip: before ? concat([noise, zip]) : concat([zip, noise]),
        what: `${noise.length} bytes ${before ? "before" : "after"}`,
      };
    },
  },
];
