/**
 * Skapa: one template per unit, for an uppdrag and a period already checked (templateRequest.ts).
 * The one sequence for the command line (which writes the files) and the task pane (which opens
 * or downloads each one): every template is named the same way and written only when its turn
 * comes, so a long list does not hold every workbook in memory.
 */
import type { Uppdrag } from "../core/model";
import type { Period } from "../core/period";
import type { ExpectedUnit } from "../core/rollup";
import { templateFileName } from "./fileNames";
import { writeTemplate } from "./template";

export interface PlannedTemplate {
  unit: string;
  /** The file name both front ends give it: uppdrag_period_unit.xlsx. */
  fileName: string;
  write(): Promise<Uint8Array>;
}

/** What every template of one run shares. */
export interface TemplateCommon {
  /** ISO date the units must hand in by. */
  dueDate?: string;
  /** Whom to ask. */
  contact?: string;
}

export function planTemplates(
  uppdrag: Uppdrag,
  period: Period,
  units: readonly ExpectedUnit[],
  common: TemplateCommon = {},
): PlannedTemplate[] {
  return units.map((u) => ({
    unit: u.unit,
    fileName: templateFileName(uppdrag, period.code, u.unit),
    write: () => writeTemplate(uppdrag, { ...common, unit: u.unit, period: period.code, parts: u.parts }),
  }));
}
