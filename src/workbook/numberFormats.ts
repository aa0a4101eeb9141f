/**
 * Excel's built-in number formats and the test for a date format, as SheetJS's SSF has them
 * (SSF.get_table() and SSF.is_date), so the targeted read of our own templates resolves a
 * cell's format exactly as the full parse would without loading SheetJS.
 */

/** The built-in formats by numFmtId, as a fresh SheetJS's SSF.get_table() lists them. */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "m/d/yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
};

/** "General" in any case at i, compared as SheetJS does (code | 32). */
const isGeneral = (format: string, i: number) =>
  format.length >= i + 7 &&
  [..."general"].every((letter, k) => (format.charCodeAt(i + k) | 32) === letter.charCodeAt(0));
const ABSOLUTE_TIME = /\[[HhMmSs\u0E0A\u0E19\u0E17]*\]/;

/** Whether a number format shows a date or time: SheetJS's fmt_is_date, token by token. */
export function isDateFormat(format: string): boolean {
  let i = 0;
  while (i < format.length) {
    let ch = format.charAt(i);
    switch (ch) {
      case "G":
        if (isGeneral(format, i)) i += 6;
        i++;
        break;
      case '"':
        while (format.charCodeAt(++i) !== 34 && i < format.length);
        ++i;
        break;
      case "\\":
      case "_":
        i += 2;
        break;
      case "@":
        ++i;
        break;
      // SheetJS's B1/B2 (calendars) and every date or time letter.
      case "B":
      case "b":
      case "M":
      case "D":
      case "Y":
      case "H":
      case "S":
      case "E":
      case "m":
      case "d":
      case "y":
      case "h":
      case "s":
      case "e":
      case "g":
        return true;
      case "A":
      case "a":
      case "上":
        if (format.slice(i, i + 3).toUpperCase() === "A/P") return true;
        if (format.slice(i, i + 5).toUpperCase() === "AM/PM") return true;
        if (format.slice(i, i + 5).toUpperCase() === "上午/下午") return true;
        ++i;
        break;
      case "[": {
        let bracket = ch;
        while (format.charAt(i++) !== "]" && i < format.length) bracket += format.charAt(i);
        if (ABSOLUTE_TIME.test(bracket)) return true;
        break;
      }
      case ".":
      case "0":
      case "#":
        while (
          i < format.length &&
          ("0#?.,E+-%".includes((ch = format.charAt(++i))) ||
            (ch === "\\" && format.charAt(i + 1) === "-" && "0#".includes(format.charAt(i + 2))))
        );
        break;
      case "?":
        while (format.charAt(++i) === ch);
        break;
      case "*":
        ++i;
        if (format.charAt(i) === " " || format.charAt(i) === "*") ++i;
        break;
      case "1":
      case "2":
      case "3":
      case "4":
      case "5":
      case "6":
      case "7":
      case "8":
      case "9":
        while (i < format.length && "0123456789".includes(format.charAt(++i)));
        break;
      default:
        ++i;
        break;
    }
  }
  return false;
}
