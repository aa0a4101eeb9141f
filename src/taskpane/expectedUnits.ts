/**
 * The list of expected units that Skapa offers after making several templates, in the same
 * format and under the same name as `create --units` writes it, so Sammanställ (here or on the
 * command line with --expected) can name a unit that never answered.
 */
import type { ExpectedUnit } from "../core/rollup";
import { formatUnitList } from "../core/unitList";
import { downloadBytes } from "./download";

import { EXPECTED_UNITS_FILE } from "../workbook/fileNames";

export { EXPECTED_UNITS_FILE };
export const EXPECTED_UNITS_ACCEPT = ".txt,text/plain";

export function downloadExpectedUnits(
  units: ExpectedUnit[],
  save: typeof downloadBytes = downloadBytes,
): void {
  save(new TextEncoder().encode(formatUnitList(units)), EXPECTED_UNITS_FILE, "text/plain;charset=utf-8");
}
