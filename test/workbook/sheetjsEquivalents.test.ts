/**
 * The targeted reader's copies of SheetJS's helpers (cellAddress.ts, numberFormats.ts), kept
 * so reading our own templates never loads SheetJS, give what SheetJS's own give.
 */
import fc from "fast-check";
import * as XLSX from "xlsx";
import { decodeCell, decodeRange, encodeCell, encodeRange } from "../../src/workbook/cellAddress";
import { BUILTIN_FORMATS, isDateFormat } from "../../src/workbook/numberFormats";

it("the built-in number formats are SheetJS's table", () => {
  expect(BUILTIN_FORMATS).toEqual(XLSX.SSF.get_table());
});

it("a date format is one SheetJS's is_date calls a date", () => {
  const known = [
    "General",
    "0",
    "0%",
    "0.0 %",
    "yyyy-mm-dd",
    "[$-41D]yyyy-mm-dd",
    "[h]:mm:ss",
    "[Red]0",
    '"dagar "0',
    "\\d0",
    "_(* #,##0_)",
    "B1yyyy",
    "am/pm",
    "A/P",
    "GENERAL",
    "Gen",
    "# ?/?",
    "mm:ss",
    "0.00E+00",
    "@",
    '[<=100]0;[>100]"stor"',
    '"上午/下午 "hh',
    "*-0",
    "1234",
    "0\\-0",
  ];
  for (const format of [...known, ...Object.values(BUILTIN_FORMATS)])
    expect([format, isDateFormat(format)]).toEqual([format, XLSX.SSF.is_date(format)]);
  const tokens = [
    "0",
    "#",
    "?",
    ".",
    ",",
    "%",
    "E+",
    "\\",
    "_",
    '"',
    "[",
    "]",
    "h",
    "m",
    "s",
    "d",
    "y",
    "e",
    "g",
    "b",
    "B",
    "1",
    "2",
    "A/P",
    "AM/PM",
    "General",
    "G",
    "*",
    " ",
    "(",
    ")",
    "@",
    "-",
    "[$-41D]",
    "[h]",
    "x",
    "上午/下午",
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 12 }), (parts) => {
      const format = parts.join("");
      expect([format, isDateFormat(format)]).toEqual([format, XLSX.SSF.is_date(format)]);
    }),
    { numRuns: 3000 },
  );
});

it("A1 addresses encode and decode as SheetJS's utils do, odd ones included", () => {
  for (const a1 of ["A1", "C7", "$C$7", "XFD1048576", "AA10", "c7", "A", "7", "", "A1B2", "Ö5"]) {
    expect(decodeCell(a1)).toEqual(XLSX.utils.decode_cell(a1));
  }
  for (const range of ["C12:C20", "C20:C12", "A1", "A1:XFD1048576", "B2:B2", "A1:"]) {
    expect(decodeRange(range)).toEqual(XLSX.utils.decode_range(range));
    expect(encodeRange(decodeRange(range))).toBe(XLSX.utils.encode_range(XLSX.utils.decode_range(range)));
  }
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1_048_575 }), fc.integer({ min: 0, max: 16_383 }), (r, c) => {
      expect(encodeCell({ r, c })).toBe(XLSX.utils.encode_cell({ r, c }));
      expect(decodeCell(encodeCell({ r, c }))).toEqual({ r, c });
    }),
  );
});
