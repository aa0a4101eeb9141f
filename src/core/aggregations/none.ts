/** none: shown per unit only; no level-2 figure. */
import type { AggregationDescriptor } from "./descriptor";
import { unitsBasis } from "./shared";

export const none: AggregationDescriptor = {
  label: "summeras inte",
  explain: () => "Läggs inte ihop för hela uppdraget.",
  numeric: false,
  tidy: false,
  sideBySide: false,
  rollUp: () => ({ value: null, details: {} }),
  formula: () => undefined,
  basis: (_m, figure) => unitsBasis(figure),
};
