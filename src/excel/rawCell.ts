/**
 * One cell as the Excel API gives it (value, value type, number format), turned into what the
 * file reader gives for the same cell, so both readers reach the same outcome.
 */
import type { RawCell } from "../core/model";
import { isDateFormat } from "../workbook/numberFormats";

const ERROR_TEXT =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/;

/** Excel serial day number (1900 system) → Date at UTC midnight plus the time part. */
function dateFromSerial(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

/**
 * One cell from the Excel API as readUnit's rawOf would have given it from the file:
 * "" is blank (null), error values become { error }, a percent-formatted fraction means
 * its percentage for a percent measure, a date-formatted number is a Date.
 */
export function rawFromCell(
  value: unknown,
  valueType?: string,
  numberFormat?: unknown,
  asPercent = false,
): RawCell {
  if (value === null || value === undefined || valueType === "Empty") return null;
  if (
    valueType === "Error" ||
    (valueType === undefined && typeof value === "string" && ERROR_TEXT.test(value))
  )
    return { error: String(value) };
  if (typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (asPercent && typeof numberFormat === "string" && numberFormat.includes("%")) return value * 100;
    if (typeof numberFormat === "string" && isDateFormat(numberFormat)) return dateFromSerial(value);
    return value;
  }
  const text = String(value);
  return text === "" ? null : text;
}
