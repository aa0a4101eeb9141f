/**
 * The targeted read of our own templates: workbook.xml for the sheets and defined names, and
 * a sheet's XML only when a named cell on it is asked for, its cells found by a scan of the
 * <c> elements and decoded only when read; shared strings and styles only when a cell needs
 * them. Values come out as SheetJS would give them (same types, text, number formats), so the
 * reader's outcome is the same whichever way a file is read; what this scan does not do as
 * SheetJS does (dates, formulas without a value, odd producers, every cell for the labels)
 * throws NeedsFullRead and the file is read in full instead.
 */
import { NeedsFullRead, type Book, type Cell } from "./book";
import type { ZipPackage } from "./zip";
import { encodeCell } from "./cellAddress";
import { BUILTIN_FORMATS, isDateFormat } from "./numberFormats";
import type { Deadline } from "./limits";

const fullRead = (): never => {
  throw new NeedsFullRead();
};

const ENTITIES: Record<string, string> = {
  "&quot;": '"',
  "&apos;": "'",
  "&gt;": ">",
  "&lt;": "<",
  "&amp;": "&",
};

/** XML text as SheetJS's unescapexml decodes it: entities, character references and _xHHHH_. */
function unescape(text: string, crlf = false): string {
  if (text.includes("<![CDATA[")) fullRead();
  const out = text
    .replace(
      /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi,
      (m, code: string | undefined) =>
        ENTITIES[m] ?? (String.fromCharCode(parseInt(code ?? "", m.includes("x") ? 16 : 10)) || m),
    )
    .replace(/_x([\da-fA-F]{4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return crlf ? out.replace(/\r\n/g, "\n") : out;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [, name, doubleQuoted, singleQuoted] of tag.matchAll(
    /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
  ))
    if (name !== undefined) out[name] = doubleQuoted ?? singleQuoted ?? "";
  return out;
}

/** Part names are case-sensitive in the zip; a relationship's target is relative to xl/. */
function resolveTarget(target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** A shared string as SheetJS's parse_si reads it. */
function sharedString(si: string): string | undefined {
  if (si === "") return "";
  if (/^\s*<t[^>]*>/.test(si)) return unescape(si.slice(si.indexOf(">") + 1).split(/<\/t>/)[0] ?? "", true);
  if (/<r\b[^<>]*>/.test(si)) {
    const runs = si.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").match(/<t\b[^<>]*>([^<]*)<\/t>/g) ?? [];
    return unescape(runs.join("").replace(/<[^>]*>/g, ""), true);
  }
  return undefined;
}

const isWordChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/**
 * Each <tag …/> and <tag …>body</tag> of the XML, as /<tag\b([^>]*?)(?:\/>|>([\s\S]*?)<\/tag>)/g
 * finds them, but in one pass: with elements left unclosed (a hostile sheet) that regex searches
 * to the end of the text from every opening, about an hour for a 16 MB sheet. The deadline is
 * checked at every element.
 */
function* elements(
  xml: string,
  tag: string,
  deadline: Deadline,
  from = 0,
  to = xml.length,
): Generator<{ attrs: string; body: string | undefined }> {
  const open = `<${tag}`;
  const close = `</${tag}>`;
  // Where the next closing tag is, searched again only when passed: -1 when there is none left.
  let closeAt = -2;
  for (let at = xml.indexOf(open, from); at >= 0 && at < to;) {
    deadline.check();
    const attrsAt = at + open.length;
    const end = xml.indexOf(">", attrsAt);
    if (end < 0 || end >= to) return;
    if (isWordChar(xml.charCodeAt(attrsAt))) {
      at = xml.indexOf(open, attrsAt);
      continue;
    }
    if (xml.charCodeAt(end - 1) === 47 /* / */) {
      yield { attrs: xml.slice(attrsAt, end - 1), body: undefined };
      at = xml.indexOf(open, end + 1);
      continue;
    }
    if (closeAt !== -1 && closeAt <= end) closeAt = xml.indexOf(close, end + 1);
    if (closeAt < 0 || closeAt + close.length > to) {
      // Unclosed: only self-closing elements can follow.
      closeAt = -1;
      at = xml.indexOf(open, attrsAt);
      continue;
    }
    yield { attrs: xml.slice(attrsAt, end), body: xml.slice(end + 1, closeAt) };
    at = xml.indexOf(open, closeAt + close.length);
  }
}

const ERRORS: Record<string, number> = {
  "#NULL!": 0x00,
  "#DIV/0!": 0x07,
  "#VALUE!": 0x0f,
  "#REF!": 0x17,
  "#NAME?": 0x1d,
  "#NUM!": 0x24,
  "#N/A": 0x2a,
  "#GETTING_DATA": 0x2b,
};

/** A cell's raw XML: its attributes and its content, decoded only when read. */
interface RawXmlCell {
  attrs: string;
  body: string;
}

export function targetedBook(zip: ZipPackage): Book {
  const workbook = zip.text("xl/workbook.xml");
  const rels = zip.text("xl/_rels/workbook.xml.rels");
  // A prefixed namespace (<x:workbook>) or a binary workbook: an odd producer, read in full.
  if (workbook === undefined || rels === undefined || !/<workbook\b/.test(workbook)) return fullRead();

  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.Id && a.Target) targets.set(a.Id, resolveTarget(a.Target));
  }
  const sheetPaths = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const id = Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
    const path = id && targets.get(id);
    if (a.name === undefined || !path || !zip.has(path)) return fullRead();
    sheetPaths.set(unescape(a.name), path);
  }
  const names = new Map<string, string>();
  for (const { attrs, body } of elements(workbook, "definedName", zip.deadline)) {
    const a = attributes(attrs);
    if (body !== undefined && a.name !== undefined && a.localSheetId === undefined)
      names.set(a.name.toLowerCase(), unescape(body));
  }

  const sheets = new Map<string, Map<string, RawXmlCell>>();
  const cellsOf = (sheet: string) => {
    let cells = sheets.get(sheet);
    if (!cells) {
      const path = sheetPaths.get(sheet);
      const xml = path === undefined ? undefined : zip.text(path);
      sheets.set(sheet, (cells = xml === undefined ? fullRead() : scanCells(xml, zip.deadline)));
    }
    return cells;
  };
  let strings: string[] | undefined;
  let styles: ReturnType<typeof readStyles> | undefined;
  const decode = (raw: RawXmlCell): Cell | undefined =>
    decodeCell(
      raw,
      () => (strings ??= readSharedStrings(zip, zip.deadline)),
      () => (styles ??= readStyles(zip)),
    );

  return {
    sheetNames: [...sheetPaths.keys()],
    names,
    hasSheet: (sheet) => sheetPaths.has(sheet),
    cell(sheet, r, c) {
      const raw = cellsOf(sheet).get(encodeCell({ r, c }));
      return raw && decode(raw);
    },
    scan: () => fullRead(),
  };
}

/** Every <c> of the sheet data by its reference; a cell without one (its place implied) needs the full read. */
function scanCells(xml: string, deadline: Deadline): Map<string, RawXmlCell> {
  const start = xml.indexOf("<sheetData");
  const end = xml.lastIndexOf("</sheetData>");
  const cells = new Map<string, RawXmlCell>();
  if (start < 0 || end < 0) return /<sheetData\s*\/>/.test(xml) ? cells : fullRead();
  for (const { attrs, body } of elements(xml, "c", deadline, start, end)) {
    const ref = /\br="([A-Z]+[0-9]+)"/.exec(attrs)?.[1];
    if (ref === undefined) return fullRead();
    cells.set(ref, { attrs, body: body ?? "" });
  }
  return cells;
}

function readSharedStrings(zip: ZipPackage, deadline: Deadline): string[] {
  const xml = zip.text("xl/sharedStrings.xml");
  if (xml === undefined) return fullRead();
  const sst = /<sst\b[^>]*>([\s\S]*)<\/sst>/.exec(xml)?.[1];
  if (sst === undefined) return [];
  return sst
    .replace(/<si>/g, "")
    .split(/<\/si>/)
    .map((si) => {
      deadline.check();
      return sharedString(si.trim()) as string;
    });
}

/** The number format of each cell style (cellXfs), as SheetJS resolves it. */
function readStyles(zip: ZipPackage): { formatOf(style: number): string | undefined } {
  const xml = zip.text("xl/styles.xml");
  if (xml === undefined) return { formatOf: () => BUILTIN_FORMATS[0] };
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.numFmtId !== undefined && a.formatCode !== undefined)
      custom.set(parseInt(a.numFmtId, 10), unescape(a.formatCode));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  const formatIds = [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) =>
    parseInt(attributes(m[0]).numFmtId ?? "0", 10),
  );
  return {
    formatOf(style) {
      const id = formatIds[style];
      if (id === undefined || Number.isNaN(id) || id > 0x188) return fullRead();
      return custom.get(id) ?? BUILTIN_FORMATS[id];
    },
  };
}

/** One cell as SheetJS's parse_ws_xml_data makes it (with cellDates and cellNF); what it would turn into a date is left to SheetJS. */
function decodeCell(
  raw: RawXmlCell,
  strings: () => string[],
  styles: () => { formatOf(style: number): string | undefined },
): Cell | undefined {
  const a = attributes(raw.attrs);
  const vText = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(raw.body)?.[1];
  const v = vText ? unescape(vText) : undefined;
  if (/<f\b/.test(raw.body) && v === undefined) return fullRead();
  const t = a.t ?? "n";
  switch (t) {
    case "n": {
      if (v === undefined) return undefined;
      const format = a.s === undefined ? BUILTIN_FORMATS[0] : styles().formatOf(parseInt(a.s, 10));
      if (format === undefined || isDateFormat(format)) return fullRead();
      return { t: "n", v: parseFloat(v), z: format };
    }
    case "s": {
      if (v === undefined) return undefined;
      const list = strings();
      const index = parseInt(v, 10);
      if (!(index >= 0 && index < list.length)) return fullRead();
      return { t: "s", v: list[index] as string };
    }
    case "str":
      return { t: "s", v: v === undefined ? "" : unescape(v, true) };
    case "inlineStr": {
      const is = /<is>([\s\S]*?)<\/is>/.exec(raw.body)?.[1];
      return { t: "s", v: is !== undefined ? (sharedString(is) as string) : "" };
    }
    case "b":
      return { t: "b", v: v === "1" || v === "true" };
    case "e":
      if (v === undefined || ERRORS[v] === undefined) return fullRead();
      return { t: "e", v: ERRORS[v], w: v };
    default:
      return fullRead();
  }
}
