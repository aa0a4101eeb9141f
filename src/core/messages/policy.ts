/**
 * How values with errors enter level 2: one policy, stated in the same words wherever a
 * figure is shown (Nivå 2 sheet, command line, task pane, JSON). A value that could be read
 * counts even when it fails a check, because for a cross-measure error (a flow that does not
 * balance) no single cell is known to be the wrong one; dropping values would hide the unit's
 * figures instead of pointing at them. What could not be read is missing, never 0.
 */
export const ERROR_POLICY =
  "Värden som kunde läsas räknas med i nivå 2 även när de har fel; en siffra som bygger på värden med fel markeras med de enheter det gäller. Värden som inte kunde läsas räknas som saknade, aldrig som 0.";

/** The short form beside a figure: "Bygger på värden med fel från Team Söder". */
export function flaggedFigureText(units: readonly string[]): string {
  return units.length === 0 ? "" : `Bygger på värden med fel från ${units.join(", ")}`;
}
