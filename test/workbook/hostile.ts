/**
 * Hostile files for tests: a workbook's XML edited after it was written, with fflate (as
 * src/workbook/lockStructure.ts does), to hold what no well-behaved writer would put there.
 */
import { strFromU8, strToU8 } from "fflate";
import { rezip } from "./hostileZip";

/** Rewrites every zip entry whose path matches `entry` with `edit`. */
export function editEntries(xlsx: Uint8Array, entry: RegExp, edit: (xml: string) => string): Uint8Array {
  let changed = 0;
  const edited = rezip(
    xlsx,
    (files) => {
      for (const [name, bytes] of Object.entries(files)) {
        if (!entry.test(name)) continue;
        const before = strFromU8(bytes);
        const after = edit(before);
        if (after !== before) changed++;
        files[name] = strToU8(after);
      }
    },
    6,
  );
  if (changed === 0) throw new Error(`nothing edited in ${entry}`);
  return edited;
}

/** Replaces the whole <c> element of `cell` on any worksheet holding it with `xml`. */
export function replaceCell(xlsx: Uint8Array, cell: string, xml: string): Uint8Array {
  const element = new RegExp(`<c r="${cell}"(?:[^>]*/>|[^>]*>.*?</c>)`);
  return editEntries(xlsx, /^xl\/worksheets\/sheet\d+\.xml$/, (s) => s.replace(element, xml));
}
