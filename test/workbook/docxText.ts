/** Reading a docx back in tests: its parts, its paragraphs with their styles, and its tables as text. */
import { strFromU8, unzipSync } from "fflate";

export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The text of a piece of WordprocessingML: its w:t runs joined. */
export function textOf(xml: string): string {
  return unescape([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
}

/** Paragraphs outside tables, each with its style (pStyle) and text. */
export function paragraphs(documentXml: string): { style?: string; text: string }[] {
  const outsideTables = documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  return [...outsideTables.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[0])?.[1],
    text: textOf(m[0]),
  }));
}

export interface DocxTable {
  /** Whether each row is marked as a header row that repeats on every page (w:tblHeader). */
  headerRows: boolean[];
  rows: string[][];
}

export function tables(documentXml: string): DocxTable[] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => {
    const rows = [...(t[1] ?? "").matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) => r[1] ?? "");
    return {
      headerRows: rows.map((r) => /<w:trPr>[\s\S]*?<w:tblHeader\/>[\s\S]*?<\/w:trPr>/.test(r)),
      rows: rows.map((r) => [...r.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1] ?? ""))),
    };
  });
}

/** "1 234,5" → 1234.5; undefined for anything that is not a Swedish number. */
export function swedishNumber(text: string): number | undefined {
  const t = text.replace(/\s/g, "").replace(",", ".");
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

/** The value, or a failed test saying it is missing (instead of a non-null assertion). */
export function must<T>(value: T | null | undefined, what = "ett värde"): T {
  if (value === null || value === undefined) throw new Error(`${what} saknas`);
  return value;
}
