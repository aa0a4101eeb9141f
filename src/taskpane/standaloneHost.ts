/**
 * HostOperations in a plain browser: templates and the level-2 workbook are downloaded.
 * There is no active workbook, so reading, selecting and marking cells are absent and the
 * pane checks picked files instead.
 */
import type { HostOperations } from "../excel/hostOperations";
import { downloadBytes } from "./download";

export function createStandaloneHost(save: (bytes: Uint8Array, fileName: string) => void = downloadBytes): HostOperations {
  return {
    kind: "standalone",
    openTemplate: async (bytes, fileName) => save(bytes, fileName),
    deliverLevel2: async (bytes, _collected, fileName) => save(bytes, fileName),
  };
}
