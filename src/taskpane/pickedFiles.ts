/** Files the user picked, as the pipeline's InputFile: read when their turn comes, after a pause for the UI. */
import type { InputFile } from "../workbook/collect";

/** A macrotask break: lets the browser paint progress and handle a click on Avbryt between files. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function pickedFile(file: File): InputFile {
  return {
    name: file.name,
    read: async () => {
      await yieldToBrowser();
      return new Uint8Array(await file.arrayBuffer());
    },
  };
}
