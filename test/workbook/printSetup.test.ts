import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { fittedHeight, pagesAcross, printableSheet, wrappedLines } from "../../src/workbook/printSetup";

describe("wrapped text", () => {
  it("counts the lines a text takes, wrapping at spaces and inside words longer than a line", () => {
    expect(wrappedLines("kort", 10)).toBe(1);
    // 10 characters a line in width 10: "aaaa bbbbb" fits, "cccc" goes on the next.
    expect(wrappedLines("aaaa bbbbb", 10)).toBe(1);
    expect(wrappedLines("aaaa bbbbb cccc", 10)).toBe(2);
    expect(wrappedLines("aaaa bbbbbb", 10)).toBe(2);
    expect(wrappedLines("a".repeat(20), 10)).toBe(2);
    expect(wrappedLines("a".repeat(21), 10)).toBe(3);
    expect(wrappedLines("aaaa " + "b".repeat(21), 10)).toBe(4);
    expect(wrappedLines("aaaa bbbbb   ", 10)).toBe(1); // trailing spaces do not wrap
    expect(wrappedLines("rad ett\nrad två\n", 10)).toBe(3);
  });

  it("gives a row the height of its tallest cell, and none when every cell is one line", () => {
    expect(fittedHeight(["kort", "också kort"], [10, 20])).toBeUndefined();
    expect(fittedHeight(["aaaa bbbb cccc dddd", "kort"], [10, 20])).toBe(30);
    expect(fittedHeight([undefined, "x ".repeat(30)], [10, 11])).toBe(75); // 6 a line in width 11
    expect(fittedHeight(["ord ".repeat(2000)], [10])).toBe(409); // Excel's tallest row
  });
});

describe("page setup", () => {
  it("fits the width on one page until the text would shrink below 60 %", () => {
    expect(pagesAcross([40, 60])).toBe(1);
    expect(pagesAcross([248])).toBe(1);
    expect(pagesAcross([249])).toBe(2);
    expect(pagesAcross(Array(60).fill(14))).toBe(4);
  });

  it("writes A4 landscape, print titles, print area, header and footer into the xlsx", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(
      "Blad",
      printableSheet({
        title: "Vård & omsorg",
        period: "Halvår 1 2025",
        widths: [30, 12, 12],
        titleRows: [3, 3],
        labelColumns: 1,
        frozenRows: 3,
        printedColumns: 2,
        lastRow: 9,
      }),
    );
    ws.getCell("A1").value = "x";
    const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    const sheet = text("xl/worksheets/sheet1.xml");
    const book = text("xl/workbook.xml");
    expect(sheet).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(sheet).toMatch(/<pageSetup[^>]*paperSize="9"/);
    expect(sheet).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(sheet).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
    expect(sheet).toContain(
      "<oddHeader>&amp;L&amp;&quot;-,Bold&quot;Vård &amp;&amp; omsorg&amp;RHalvår 1 2025</oddHeader>",
    );
    expect(sheet).toContain("Sida &amp;P av &amp;N");
    expect(sheet).toMatch(/<pane xSplit="1" ySplit="3"/);
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Blad&apos;!$A:$A,&apos;Blad&apos;!$3:$3</definedName>`,
    );
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;Blad&apos;!$A$1:$B$9</definedName>`,
    );
  });
});
