/**
 * Reads an earlier period's record back from what the roll-up wrote: the Data sheet of a
 * level-2 workbook, or the CSV from `rollup --csv` (also after a controller opened and saved
 * it in Excel: semicolons or commas, UTF-8 or Windows-1252). Never throws: whatever goes
 * wrong is the file's one message.
 */
import { readPeriodRecord, type PeriodRecordRead } from "../core/periodRecord";
import { LIMITS, WorkbookRejected, rejectFileSize } from "./limits";
import { parseWorkbookChecked, sniff } from "./readUnit";
import { decodeText, parseCsv, type Table } from "./csvText";
import { sheetjs } from "./sheetjs";
import { LEVEL2_SHEETS } from "./level2Sheets";

const unreadable = (file: string, reason: string): PeriodRecordRead => ({
  ok: false,
  problem: { code: "recordUnreadable", severity: "fel", location: { file }, params: { file, reason } },
});

export function readPeriodFile(bytes: Uint8Array, file: string): PeriodRecordRead {
  try {
    if (bytes.length > LIMITS.fileBytes) rejectFileSize(file, bytes.length);
    if (sniff(bytes) === "other") return readPeriodRecord(parseCsv(decodeText(bytes)), file);
    const book = parseWorkbookChecked(bytes, file);
    const sheet = book.Sheets[LEVEL2_SHEETS.data];
    if (!sheet) return unreadable(file, `arbetsboken har inget blad ${LEVEL2_SHEETS.data}`);
    return readPeriodRecord(
      sheetjs().utils.sheet_to_json<Table[number]>(sheet, {
        header: 1,
        raw: true,
        defval: null,
        blankrows: false,
      }),
      file,
    );
  } catch (e) {
    if (e instanceof WorkbookRejected) return { ok: false, problem: e.problem };
    return unreadable(file, "filen gick inte att tolka");
  }
}
