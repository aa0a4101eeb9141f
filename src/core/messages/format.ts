/** Swedish number formatting for messages: 1 234,5. */
const FORMAT = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 6 });

export function formatNumber(n: number): string {
  return FORMAT.format(n)
    .replace(/\u00a0/g, " ")
    .replace(/\u2212/g, "-");
}

export function formatParam(v: string | number | undefined): string {
  if (v === undefined) return "";
  return typeof v === "number" ? formatNumber(v) : v;
}
