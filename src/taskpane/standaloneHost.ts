/**
 * The host in a plain browser: templates and the level-2 workbook are downloaded. There is no
 * active workbook, so reading, selecting and marking cells are absent and the pane checks
 * picked files instead.
 */
import type { StandaloneHost } from "./host";
import { downloadBytes } from "./download";

export function createStandaloneHost(
  save: (bytes: Uint8Array, fileName: string) => void = downloadBytes,
): StandaloneHost {
  return {
    kind: "standalone",
    openTemplate: async (bytes, fileName) => save(bytes, fileName),
    deliverLevel2: async (bytes, fileName) => save(bytes, fileName),
  };
}
