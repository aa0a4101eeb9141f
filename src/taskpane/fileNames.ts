/** File names the pane gives what it writes; the same as the command line's. */
import type { Uppdrag } from "../core/model";
import type { CollectedRollup } from "../workbook/collect";

/** "Team Norr/Öst" → "Team-Norr-Ost". */
export function slug(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "enhet"
  );
}

export function templateFileName(uppdrag: Uppdrag, period: string, unit: string): string {
  return `${uppdrag.id}_${period}_${slug(unit)}.xlsx`;
}

export function level2FileName(collected: CollectedRollup): string {
  return `niva2_${collected.uppdrag.id}_${collected.result.period}.xlsx`;
}
