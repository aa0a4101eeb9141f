/**
 * Reads a targets file (målvärden) for an uppdrag and year: an xlsx (its first sheet, or the
 * sheet "Mål") or a CSV, as `uppfoljning mal-mall` writes it or a controller makes it by hand.
 * Never throws: whatever goes wrong is the file's one message.
 */
import type { Uppdrag } from "../core/model";
import { readTargetTable, type TargetsRead } from "../core/comparison/targets";
import { LIMITS, WorkbookRejected, rejectFileSize } from "./limits";
import { parseWorkbookChecked, sniff } from "./readUnit";
import { decodeText, parseCsv, type Table } from "./csvText";
import { sheetjs } from "./sheetjs";

/** The sheet `mal-mall` writes the targets to. */
export const TARGETS_SHEET = "Mål";

const unreadable = (file: string, reason: string): TargetsRead => ({
  problems: [{ code: "targetsUnreadable", severity: "fel", location: { file }, params: { file, reason } }],
});

export function readTargetsFile(
  bytes: Uint8Array,
  file: string,
  uppdrag: Uppdrag,
  year: string,
): TargetsRead {
  try {
    if (bytes.length > LIMITS.fileBytes) rejectFileSize(file, bytes.length);
    if (sniff(bytes) === "other") return readTargetTable(parseCsv(decodeText(bytes)), file, uppdrag, year);
    const book = parseWorkbookChecked(bytes, file);
    const sheet = book.Sheets[TARGETS_SHEET] ?? book.Sheets[book.SheetNames[0] ?? ""];
    if (!sheet) return unreadable(file, "arbetsboken har inga blad");
    const table = sheetjs().utils.sheet_to_json<Table[number]>(sheet, {
      header: 1,
      raw: true,
      defval: null,
      blankrows: true,
    });
    return readTargetTable(table, file, uppdrag, year);
  } catch (e) {
    if (e instanceof WorkbookRejected) return { problems: [e.problem] };
    return unreadable(file, "filen gick inte att tolka");
  }
}
