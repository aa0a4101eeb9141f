/**
 * An earlier period read back from what the roll-up wrote: the level-2 workbook's Data sheet
 * gives the same record as the tidy rows it was written from, for every uppdrag; a file that
 * is not a roll-up is refused with one Swedish message naming it, never an exception.
 */
import * as XLSX from "xlsx";
import { writeLevel2 } from "../../src/workbook/writeLevel2";
import { readPeriodFile } from "../../src/workbook/readPeriodFile";
import { tidyRows } from "../../src/core/tidy";
import { problemText } from "../../src/core/messages/sv";
import { catalog, collectedFor } from "./level2Fixture";

describe.each(catalog.uppdrag.map((u) => [u.id, u] as const))(
  "the level-2 workbook of %s read back",
  (_, uppdrag) => {
    it("gives the tidy rows it was written from", async () => {
      const collected = collectedFor(uppdrag);
      const bytes = await writeLevel2(collected);
      const read = readPeriodFile(bytes, "niva2-forra.xlsx");
      if (!read.ok) throw new Error(problemText(read.problem));
      expect(read.problems).toEqual([]);
      expect(read.record).toMatchObject({
        uppdrag: uppdrag.id,
        period: collected.result.period,
        templateVersion: uppdrag.version,
        format: 3,
      });
      expect(read.record.rows).toEqual(tidyRows(uppdrag, collected.result));
    });
  },
);

describe("files that are not a roll-up", () => {
  const refusal = (bytes: Uint8Array, name: string) => {
    const read = readPeriodFile(bytes, name);
    return read.ok ? "läst" : problemText(read.problem);
  };

  it("names a workbook without a Data sheet", () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["uppdrag"]]), "Blad1");
    expect(refusal(XLSX.write(wb, { type: "buffer", bookType: "xlsx" }), "annan.xlsx")).toMatch(
      /^annan\.xlsx kan inte läsas .*inget blad Data/,
    );
  });

  it("names a truncated workbook, an empty file and random bytes", () => {
    expect(refusal(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), "trasig.xlsx")).toMatch(/^trasig\.xlsx /);
    expect(refusal(new Uint8Array(), "tom.csv")).toMatch(/^tom\.csv kan inte läsas/);
    expect(
      refusal(
        Uint8Array.from({ length: 300 }, (_, i) => (i * 7919) % 256),
        "brus.csv",
      ),
    ).toMatch(/^brus\.csv kan inte läsas/);
  });

  it("reads a CSV saved again by Excel in Windows-1252 with Swedish letters", () => {
    const csv =
      "uppdrag;period;nivå;enhet;mått_id;mått;värde;måttenhet;ärende\r\npsykiatrisk-hemsjukvard;2025H1;3;Team Söder;sip_patienter;Antal;2;st;\r\n";
    const latin1 = Uint8Array.from([...csv].map((c) => c.charCodeAt(0)));
    const read = readPeriodFile(latin1, "förra.csv");
    if (!read.ok) throw new Error(problemText(read.problem));
    expect(read.record.rows[0]).toMatchObject({ unit: "Team Söder", value: 2, level: 3, caseNumber: null });
  });
});
