/** File names given to what is written, the same from the command line and the task pane. */
import type { Uppdrag } from "../core/model";
import type { CollectedRollup } from "./collect";

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
