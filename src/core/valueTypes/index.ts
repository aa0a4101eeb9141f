/**
 * The registry of value types: one descriptor per ValueType (a missing one does not compile).
 * Adding a type: its id in model.ts, its file here, its entry below, and its tests.
 */
import type { Measure, ValueType } from "../model";
import type { ValueTypeDescriptor } from "./descriptor";
import { boundsIn } from "./shared";
import { count } from "./count";
import { decimal } from "./decimal";
import { tkr } from "./tkr";
import { percent } from "./percent";
import { days } from "./days";
import { daysList } from "./daysList";
import { yesNo } from "./yesNo";
import { choice } from "./choice";
import { text } from "./text";
import { ratio } from "./ratio";

export const VALUE_TYPES: Readonly<Record<ValueType, ValueTypeDescriptor>> = {
  count,
  decimal,
  tkr,
  percent,
  days,
  daysList,
  yesNo,
  choice,
  text,
  ratio,
};

export function valueTypeOf(measure: Pick<Measure, "type">): ValueTypeDescriptor {
  return VALUE_TYPES[measure.type];
}

/** The bounds a measure's values must keep: its catalog checks, else its type's (validator and template alike). */
export function boundsOf(measure: Measure): { min?: number; max?: number } {
  return boundsIn(measure, valueTypeOf(measure).bounds);
}

export type {
  JsonValue,
  ParseOutcome,
  SampleValue,
  TemplateValidation,
  TidyCell,
  ValueTypeDescriptor,
} from "./descriptor";
