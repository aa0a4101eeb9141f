/**
 * Which host the pane runs in. taskpane.html adds office.js only when the page looks like it is
 * inside Office and leaves a promise for its loading; without it (or when office.js cannot be
 * had) the pane runs standalone at once, so the page renders without a network.
 *
 * Opened by Office (`_host_Info` in the URL, as Excel on the web and on the desktop open it),
 * the pane waits for Office.onReady however long the host takes: falling back to standalone
 * inside Excel would hide the workbook features. The user can end that wait (index.tsx offers
 * "Fortsätt utan Excel" after OFFICE_READY_TIMEOUT_MS). Merely framed, the wait is limited.
 */
import type { HostOperations } from "./host";
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

/** Office puts _host_Info in the URL it opens an add-in's page with (not an outside page that frames us). */
export function openedByOffice(href: string): boolean {
  return /[?&#]_host_Info=/i.test(href);
}

export async function isInsideExcel(): Promise<boolean> {
  const script = window.uppfoljningOfficeScript;
  if (script && !(await withTimeout(script, OFFICE_SCRIPT_TIMEOUT_MS, false))) return false;
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return false;
  const ready = Office.onReady();
  const info = openedByOffice(window.location.href)
    ? await ready
    : await withTimeout<{ host: Office.HostType | null } | undefined>(
        ready,
        OFFICE_READY_TIMEOUT_MS,
        undefined,
      );
  return info?.host === Office.HostType.Excel;
}

/** The host; `giveUp` resolving (the user chose to go on without Excel) ends any wait with standalone. */
export async function detectHost(giveUp: Promise<void> = new Promise(() => {})): Promise<HostOperations> {
  const inside = await Promise.race([isInsideExcel().catch(() => false), giveUp.then(() => false)]);
  if (inside) {
    // Loaded only inside Excel: the standalone page never needs the Office.js adapter.
    const { createExcelHost } = await import(/* webpackChunkName: "excel-host" */ "../excel/excelHost");
    return createExcelHost();
  }
  return createStandaloneHost();
}
