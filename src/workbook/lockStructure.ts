/**
 * Locks a workbook's structure (no sheets added, deleted, renamed, moved or unhidden), which
 * exceljs cannot write: the xlsx is unzipped with fflate, <workbookProtection lockStructure="1"/>
 * is put in its schema place in xl/workbook.xml, and the package is zipped again. No password,
 * so a controller can lift it (Granska → Skydda arbetsbok).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const WORKBOOK_XML = "xl/workbook.xml";
/** Elements that must come after workbookProtection in CT_Workbook (ECMA-376 §18.2.27). */
const AFTER = ["<bookViews", "<sheets"];

export function lockStructure(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx);
  const entry = files[WORKBOOK_XML];
  if (!entry) throw new Error("xl/workbook.xml saknas i arbetsboken");
  const xml = strFromU8(entry);
  if (xml.includes("<workbookProtection")) return xlsx;
  const at = Math.min(...AFTER.map((tag) => xml.indexOf(tag)).filter((i) => i >= 0));
  if (!Number.isFinite(at)) throw new Error("xl/workbook.xml saknar <sheets>");
  files[WORKBOOK_XML] = strToU8(`${xml.slice(0, at)}<workbookProtection lockStructure="1"/>${xml.slice(at)}`);
  return zipSync(files, { level: 6 });
}
