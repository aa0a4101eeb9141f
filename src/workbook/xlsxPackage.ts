/**
 * Reading and editing the parts of an unzipped xlsx package (fflate's Unzipped): relationships,
 * the part behind a sheet's tab. Regular expressions over the XML are enough here: these
 * parts are short and written by exceljs or by us.
 */
import { strFromU8, strToU8, type Unzipped } from "fflate";
import { escapeXml } from "./chartXml";

const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

const unescapeXml = (text: string) =>
  text.replace(/&(?:apos|quot|lt|gt|amp);/g, (e) =>
    e === "&apos;" ? "'" : e === "&quot;" ? '"' : e === "&lt;" ? "<" : e === "&gt;" ? ">" : "&",
  );

export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(m[1] ?? "", unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
}

export function text(files: Unzipped, path: string): string {
  const entry = files[path];
  if (!entry) throw new Error(`${path} saknas i arbetsboken`);
  return strFromU8(entry);
}

/** A path relative to a part's folder ("worksheets/sheet1.xml", "../drawings/d.xml", "/xl/…") made absolute in the package. */
export function resolve(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

/** The relative path from one part's folder to another part. */
function relative(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

const relsPathOf = (part: string) => {
  const at = part.lastIndexOf("/");
  return `${part.slice(0, at)}/_rels/${part.slice(at + 1)}.rels`;
};

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function readRels(files: Unzipped, part: string): Relationship[] {
  const entry = files[relsPathOf(part)];
  if (!entry) return [];
  return [...strFromU8(entry).matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: a.get("Target") ?? "" };
  });
}

/** Adds a relationship to a part's .rels (created when absent) and returns its new id. */
export function addRel(files: Unzipped, part: string, type: string, targetPart: string): string {
  const path = relsPathOf(part);
  const existing = files[path]
    ? strFromU8(files[path])
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS}"></Relationships>`;
  const used = new Set(readRels(files, part).map((r) => r.id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relative(part, targetPart))}"/>`;
  const close = existing.lastIndexOf("</Relationships>");
  files[path] = strToU8(
    close >= 0
      ? `${existing.slice(0, close)}${rel}${existing.slice(close)}`
      : existing.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`),
  );
  return id;
}

/** Every sheet's tab name and part, in tab order, through xl/workbook.xml and its relationships. */
export function sheetParts(files: Unzipped): { name: string; part: string }[] {
  const workbook = "xl/workbook.xml";
  const rels = readRels(files, workbook);
  return [...text(files, workbook).matchAll(/<sheet\b[^>]*>/g)].flatMap((m) => {
    const a = attributes(m[0]);
    const rel = rels.find((r) => r.id === a.get("r:id"));
    return rel ? [{ name: a.get("name") ?? "", part: resolve(workbook, rel.target) }] : [];
  });
}

/** The worksheet part behind a tab name. */
export function sheetPart(files: Unzipped, sheet: string): string {
  const found = sheetParts(files).find((s) => s.name === sheet);
  if (!found) throw new Error(`Bladet ${sheet} finns inte i arbetsboken`);
  return found.part;
}
