/**
 * What the pane says after Sammanställ: how many files are used and how many of them have
 * errors, and a notice that never looks like plain success while files were left out or
 * expected units are missing.
 */
import type { CollectedRollup, FileOutcome } from "../workbook/collect";
import type { NoticeData } from "./components/Notice";

export interface FileCounts {
  used: number;
  /** Used files with at least one error ("fel"); their readable values still count. */
  usedWithErrors: number;
  rejected: number;
}

export function fileCounts(files: readonly FileOutcome[]): FileCounts {
  const used = files.filter((f) => f.status === "used");
  return {
    used: used.length,
    usedWithErrors: used.filter((f) => f.problems.some((p) => p.severity === "fel")).length,
    rejected: files.filter((f) => f.status === "rejected").length,
  };
}

/** "4 används, varav 2 med fel". */
export function usedFilesText(counts: FileCounts): string {
  const errors = counts.usedWithErrors === 0 ? "inga med fel" : `varav ${counts.usedWithErrors} med fel`;
  return `${counts.used} används, ${errors}`;
}

const filesNotCounted = (n: number) => (n === 1 ? "1 fil räknas inte med" : `${n} filer räknas inte med`);
const unitsMissing = (n: number) => (n === 1 ? "1 förväntad enhet saknas" : `${n} förväntade enheter saknas`);

/** The notice after a roll-up that produced level 2; `delivered` says where it went. */
export function rollupNotice(collected: CollectedRollup, delivered: string): NoticeData {
  const { rejected } = fileCounts(collected.files);
  const missing = collected.result.absentUnits.length;
  const gaps = [rejected > 0 ? filesNotCounted(rejected) : "", missing > 0 ? unitsMissing(missing) : ""].filter(Boolean);
  if (gaps.length === 0) return { intent: "success", text: delivered };
  return { intent: "warning", title: `Obs: ${gaps.join(" och ")}.`, text: `${delivered}\nSe nedan vilka det gäller.` };
}
