/** Saves bytes the browser's way: a temporary object URL and a click on a download link. */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function downloadBytes(bytes: Uint8Array, fileName: string, type = XLSX_MIME): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the URL after this handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
