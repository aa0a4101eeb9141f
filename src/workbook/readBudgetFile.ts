/**
 * A budget file's cells for the finance core (`uppfoljning ekonomi`): .xlsx/.xls/.ods through
 * SheetJS under the reader's limits, anything else as CSV. Numbers in CSV stay text: the core
 * reads Swedish number text ("-165 160", "−12 135") itself. Never throws: an unreadable file
 * or a missing sheet is one Swedish sentence.
 */
import type { Cell } from "../core/finance";
import { formatProblem } from "../core/messages/sv";
import { LIMITS, WorkbookRejected, rejectFileSize } from "./limits";
import { decodeText, parseCsv } from "./csvText";
import { parseWorkbookChecked, sniff } from "./readUnit";
import { sheetjs } from "./sheetjs";

export type BudgetFileRead = { ok: true; cells: Cell[][]; sheet?: string } | { ok: false; message: string };

export function readBudgetFile(bytes: Uint8Array, file: string, sheetName?: string): BudgetFileRead {
  try {
    if (bytes.length > LIMITS.fileBytes) rejectFileSize(file, bytes.length);
    if (sniff(bytes) === "other") {
      if (sheetName !== undefined)
        return {
          ok: false,
          message: `${file} är en CSV-fil och har inga blad; --blad gäller bara arbetsböcker.`,
        };
      return { ok: true, cells: parseCsv(decodeText(bytes)) };
    }
    const book = parseWorkbookChecked(bytes, file);
    const name = sheetName ?? book.SheetNames[0];
    const sheet = name === undefined ? undefined : book.Sheets[name];
    if (!sheet || name === undefined) {
      const names = book.SheetNames.map((n) => `"${n}"`).join(", ");
      return {
        ok: false,
        message:
          sheetName === undefined
            ? `${file} har inga blad.`
            : `${file} har inget blad "${sheetName}" (bladen heter ${names}).`,
      };
    }
    // From A1 whatever the sheet's used range, so row numbers and column letters match Excel's.
    const used = sheetjs().utils.decode_range(sheet["!ref"] ?? "A1");
    const range = { s: { r: 0, c: 0 }, e: used.e };
    const cells = sheetjs().utils.sheet_to_json<Cell[]>(sheet, {
      header: 1,
      raw: true,
      defval: null,
      blankrows: true,
      range,
    });
    return { ok: true, cells, sheet: name };
  } catch (e) {
    if (e instanceof WorkbookRejected) return { ok: false, message: formatProblem(e.problem) };
    return { ok: false, message: `${file} gick inte att läsa som arbetsbok eller CSV-fil.` };
  }
}
