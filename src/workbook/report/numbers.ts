/** Figures as the report prints them: Swedish, at most one decimal, like the level-2 workbook's format. */
const ONE_DECIMAL = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

/** 1 234,5 with plain spaces and a hyphen minus, so the text can be searched and copied. */
export function formatFigure(n: number): string {
  return ONE_DECIMAL.format(n)
    .replace(/\u00a0/g, " ")
    .replace(/\u2212/g, "-");
}

/** "+7", "-2,5", "±0"; "–" when there is nothing to compare with. */
export function formatChange(n: number | undefined): string {
  if (n === undefined) return "–";
  const text = formatFigure(n);
  if (text === "0" || text === "-0") return "±0";
  return n > 0 ? `+${text}` : text;
}
