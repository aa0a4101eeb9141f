/**
 * The registry of aggregations: one descriptor per AggregationKind (a missing one does not compile).
 * Adding one: its id in model.ts, its file here, its entry below, the value types that allow it
 * (valueTypes/), and its tests.
 */
import type { AggregationKind, Measure } from "../model";
import type { AggregationDescriptor } from "./descriptor";
import { sum } from "./sum";
import { stock } from "./stock";
import { ratio } from "./ratio";
import { pooled } from "./pooled";
import { weightedMean } from "./weightedMean";
import { yesCount } from "./yesCount";
import { tally } from "./tally";
import { text } from "./text";
import { none } from "./none";

export const AGGREGATES: Readonly<Record<AggregationKind, AggregationDescriptor>> = {
  sum,
  stock,
  ratio,
  pooled,
  weightedMean,
  yesCount,
  tally,
  text,
  none,
};

export function aggregationOf(measure: Pick<Measure, "aggregate">): AggregationDescriptor {
  return AGGREGATES[measure.aggregate];
}

export { headlineStatistic, median } from "./shared";
export type {
  AggregationDescriptor,
  FigureDetails,
  FigureOutcome,
  FigureView,
  FormulaContext,
} from "./descriptor";
