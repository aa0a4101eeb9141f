/**
 * A targets file (målvärden) to fill in: one row per measure a target can be set for (key
 * measures first), the uppdrag and year on every row, riktning as a drop-down. Given targets,
 * their rows come filled (the demo). Read back by readTargetsFile.
 */
import ExcelJS from "exceljs";
import type { Uppdrag } from "../core/model";
import type { Target } from "../core/comparison/model";
import { TARGET_HEADERS, targetableMeasures } from "../core/comparison/targets";
import { cellText } from "../core/cellText";
import { TARGETS_SHEET } from "./readTargetsFile";

const WIDTHS = [26, 6, 28, 70, 11, 10, 10];

export async function writeTargetsWorkbook(
  uppdrag: Uppdrag,
  year: string,
  filled: readonly Target[] = [],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "uppfoljning";
  const ws = wb.addWorksheet(TARGETS_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow([...TARGET_HEADERS]);
  ws.getRow(1).font = { bold: true };
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const byId = new Map(filled.map((t) => [t.measureId, t]));
  const measures = targetableMeasures(uppdrag);
  for (const m of measures) {
    const t = byId.get(m.id);
    ws.addRow([
      uppdrag.id,
      year,
      m.id,
      cellText(m.label),
      t?.target ?? null,
      t?.better ?? null,
      t?.tolerance ?? null,
    ]);
  }
  const last = measures.length + 1;
  for (let r = 2; r <= last; r++) {
    ws.getCell(r, 6).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ['"högre,lägre"'],
      showErrorMessage: true,
      errorTitle: "Riktning",
      error: "Skriv högre eller lägre: vilket som är bättre.",
    };
    ws.getCell(r, 5).numFmt = "General";
  }
  const note = ws.getCell(1, 9);
  note.value =
    "Fyll i målvärde, riktning (högre eller lägre är bättre) och tolerans (hur långt från målet som räknas som nära; tomt = 0). Rader utan målvärde har inget mål.";
  note.alignment = { wrapText: true, vertical: "top" };
  ws.getColumn(9).width = 50;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
