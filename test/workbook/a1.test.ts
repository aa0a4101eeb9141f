/** A1 addresses: the one parser and writer of cell references for both readers and the writers. */
import {
  blockAddress,
  cellsOf,
  columnLetters,
  decodeRange,
  parseAddress,
  quoteSheet,
} from "../../src/workbook/a1";

describe("A1 addresses", () => {
  it("parses the addresses Excel gives, quoted or not, with or without $ and =", () => {
    expect(parseAddress("'Verksamhetsmått'!C7")).toEqual({ sheet: "Verksamhetsmått", cell: "C7" });
    expect(parseAddress("Data!$A$1:$I$20")).toEqual({ sheet: "Data", cell: "A1:I20" });
    expect(parseAddress("='Barn, unga och familj'!$C$12:$C$111")).toEqual({
      sheet: "Barn, unga och familj",
      cell: "C12:C111",
    });
    expect(parseAddress("'Kalles ''blad'''!B2")).toEqual({ sheet: "Kalles 'blad'", cell: "B2" });
    expect(parseAddress("#REF!")).toBeUndefined();
    expect(parseAddress("Blad!#REF!")).toBeUndefined();
  });

  it("names spreadsheet columns past Z", () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });

  it("expands ranges and builds block addresses", () => {
    expect(cellsOf("C12:C14")).toEqual(["C12", "C13", "C14"]);
    expect(cellsOf("A1:B2")).toEqual(["A1", "B1", "A2", "B2"]);
    expect(cellsOf("nonsense")).toEqual([]);
    expect(decodeRange("B3")).toEqual({ start: { row: 2, col: 1 }, end: { row: 2, col: 1 } });
    expect(blockAddress({ row: 0, col: 0 }, 20, 28)).toBe("A1:AB20");
    expect(blockAddress({ row: 4, col: 2 }, 1, 1)).toBe("C5");
    expect(quoteSheet("Data")).toBe("Data");
    expect(quoteSheet("Nivå 2")).toBe("'Nivå 2'");
    expect(quoteSheet("AB12")).toBe("'AB12'");
  });
});
