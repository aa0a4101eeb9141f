import * as XLSX from "xlsx";
import { bytesToBase64 } from "../../src/excel/base64";
import { planSheetNames, sheetBlocks } from "../../src/excel/sheetBlocks";

describe("sheet names", () => {
  const plannedName = (wanted: string, existing: string[]) => planSheetNames([wanted], existing).get(wanted);

  it("adds (2), (3)… to taken names, without case, within 31 characters", () => {
    expect(plannedName("Nivå 2", ["Data"])).toBe("Nivå 2");
    expect(plannedName("Nivå 2", ["NIVÅ 2", "nivå 2 (2)"])).toBe("Nivå 2 (3)");
    const long = "A".repeat(31);
    expect(plannedName(long, [long.toLowerCase()])).toBe(`${"A".repeat(27)} (2)`);
    expect([...planSheetNames(["Nivå 2", "Data"], ["DATA", "Blad1"])]).toEqual([
      ["Nivå 2", "Nivå 2"],
      ["Data", "Data (2)"],
    ]);
  });

  it("points references at renamed sheets, quoted or not, and leaves others alone", () => {
    const renames = new Map([
      ["Ärenden", "Ärenden (2)"],
      ["Data", "Data (2)"],
      ["Nivå 2", "Nivå 2"],
    ]);
    /** The formula as sheetBlocks hands it to Excel, from a workbook with that one formula. */
    const moved = (formula: string) => {
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[{ t: "n", v: 0, f: formula }]]), "Nivå 2");
      return sheetBlocks(wb, renames)[0]?.formulas[0]?.[0];
    };
    expect(moved("MEDIAN('Ärenden'!$D$2:$D$9)")).toBe("=MEDIAN('Ärenden (2)'!$D$2:$D$9)");
    expect(moved("SUM(Data!A1:A3)+SUM(MyData!A1)+'Nivå 2'!G7")).toBe(
      "=SUM('Data (2)'!A1:A3)+SUM(MyData!A1)+'Nivå 2'!G7",
    );
  });
});

describe("sheetBlocks", () => {
  it("gives each sheet its used range as one block of constants and formulas, text kept as text", () => {
    const wb = XLSX.utils.book_new();
    const ws = XLSX.utils.aoa_to_sheet([
      ["Mått", "Värde", "Period"],
      ["Patienter", 12, "2026-01"],
      ["Summa", { t: "n", v: 12, f: "SUM(B2:B2)" }, "=inte en formel"],
    ]);
    ws["B2"]!.z = "0.0";
    XLSX.utils.book_append_sheet(wb, ws, "Nivå 2");
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), "Tomt");
    const bytes = XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer;
    const read = XLSX.read(new Uint8Array(bytes), { type: "array", cellFormula: true, cellNF: true });
    const [summary, empty] = sheetBlocks(read, new Map([["Nivå 2", "Nivå 2 (2)"]]));
    expect(summary).toEqual({
      name: "Nivå 2 (2)",
      address: "A1:C3",
      formulas: [
        ["Mått", "Värde", "Period"],
        ["Patienter", 12, "'2026-01"],
        ["Summa", "=SUM(B2:B2)", "'=inte en formel"],
      ],
      numberFormat: [
        ["General", "General", "General"],
        ["General", "0.0", "General"],
        ["General", "General", "General"],
      ],
    });
    expect(empty).toMatchObject({ name: "Tomt" });
  });
});

describe("base64 without Buffer", () => {
  it("encodes large byte arrays exactly as Node does", () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    const b64 = bytesToBase64(bytes);
    expect(b64).toBe(Buffer.from(bytes).toString("base64"));
    expect(bytesToBase64(new Uint8Array())).toBe("");
  });
});
