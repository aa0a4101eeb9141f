/** Base64 for Excel.createWorkbook and insertWorksheetsFromBase64, without Node's Buffer (the task pane runs in a browser). */

const CHUNK = 0x8000; // String.fromCharCode(...) takes at most ~64k arguments

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
