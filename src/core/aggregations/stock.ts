/** stock: a count at the period's end date, summed over units (the same arithmetic as sum, another meaning). */
import type { AggregationDescriptor } from "./descriptor";
import { sum } from "./sum";

export const stock: AggregationDescriptor = {
  ...sum,
  label: "summa av bestånd vid samma datum",
  explain: () => "Enheternas antal vid samma datum lagda ihop.",
};
