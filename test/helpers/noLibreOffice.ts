/** Stands in for ./libreoffice in mutation runs (jest.stryker.config.js): LibreOffice "not installed", so its slow tests skip. */
export const soffice: string | undefined = undefined;
export const pdftotext: string | undefined = undefined;

export function convertWithLibreOffice(): never {
  throw new Error("LibreOffice is not used in mutation runs");
}
