/**
 * What the pane says after Sammanställ: how many files are used and how many of them have
 * errors, and a notice that never looks like plain success while files were left out or
 * expected units are missing.
 */
import { fileSummary, type CollectedRollup } from "../workbook/collect";
import { count } from "../core/messages/count";
import type { NoticeData } from "./components/Notice";

export type FileCounts = ReturnType<typeof fileSummary>;

/** "4 används, varav 2 med fel". */
export function usedFilesText(counts: FileCounts): string {
  const errors = counts.usedWithErrors === 0 ? "inga med fel" : `varav ${counts.usedWithErrors} med fel`;
  return `${counts.used} används, ${errors}`;
}

const filesNotCounted = (n: number) => `${count(n, "fil", "filer")} räknas inte med`;
const unitsConflicting = (n: number) => `${count(n, "enhet", "enheter")} skickade olika filer`;
const unitsMissing = (n: number) => `${count(n, "förväntad enhet", "förväntade enheter")} saknas`;

/** The notice after a roll-up that produced level 2; `delivered` says where it went. */
export function rollupNotice(collected: CollectedRollup, delivered: string): NoticeData {
  const { rejected } = fileSummary(collected.files);
  const conflicting = collected.result.conflictingUnits.length;
  const missing = collected.result.absentUnits.length;
  const gaps = [
    rejected > 0 ? filesNotCounted(rejected) : "",
    conflicting > 0 ? unitsConflicting(conflicting) : "",
    missing > 0 ? unitsMissing(missing) : "",
  ].filter(Boolean);
  if (gaps.length === 0) return { intent: "success", text: delivered };
  const listed = gaps.length === 1 ? gaps[0] : `${gaps.slice(0, -1).join(", ")} och ${gaps[gaps.length - 1]}`;
  return { intent: "warning", title: `Obs: ${listed}.`, text: `${delivered}\nSe nedan vilka det gäller.` };
}
