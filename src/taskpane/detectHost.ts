/**
 * Which host the pane runs in. taskpane.html adds office.js only when the page looks like it is
 * inside Office and leaves a promise for its loading; without it (or when office.js cannot be
 * had, or Office.onReady does not answer in time) the pane runs standalone. Nothing here ever
 * waits without a limit, so the page renders without a network.
 */
import type { HostOperations } from "../excel/hostOperations";
import { createStandaloneHost } from "./standaloneHost";

declare global {
  interface Window {
    /** Set by taskpane.html when it added office.js: true once loaded, false on failure. */
    uppfoljningOfficeScript?: Promise<boolean>;
  }
}

export const OFFICE_SCRIPT_TIMEOUT_MS = 10_000;
export const OFFICE_READY_TIMEOUT_MS = 5_000;

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

export async function isInsideExcel(): Promise<boolean> {
  const script = window.uppfoljningOfficeScript;
  if (script && !(await withTimeout(script, OFFICE_SCRIPT_TIMEOUT_MS, false))) return false;
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return false;
  const info = await withTimeout<{ host: Office.HostType | null } | undefined>(Office.onReady(), OFFICE_READY_TIMEOUT_MS, undefined);
  return info?.host === Office.HostType.Excel;
}

export async function detectHost(): Promise<HostOperations> {
  if (await isInsideExcel()) {
    // Loaded only inside Excel: the standalone page never needs the Office.js adapter.
    const { createExcelHost } = await import(/* webpackChunkName: "excel-host" */ "../excel/excelHost");
    return createExcelHost();
  }
  return createStandaloneHost();
}
