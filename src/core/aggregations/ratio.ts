/** ratio: recomputed from the summed numerator and denominator, never a mean of the units' ratios. */
import type { Term } from "../model";
import { exactRatio, fromMicro } from "../exact";
import { formulaInputs, termsMicro } from "../derive";
import { messageText } from "../messages/sv";
import type { AggregationDescriptor } from "./descriptor";
import { number, numberKeyFigure, presentMask, unitsBasis } from "./shared";
import { present } from "../invariant";

export const ratio: AggregationDescriptor = {
  label: "kvot av summor",
  explain: () => "Räknad på allas siffror lagda ihop, inte ett snitt av enheternas tal.",
  numeric: true,
  tidy: true,
  sideBySide: false,
  rollUp: (measure, contributors, valuesOf) => {
    const f = present(measure.formula, `formeln för ${measure.id}`);
    let num = 0n;
    let den = 0n;
    for (const u of contributors) {
      num += present(termsMicro(f.numerator, valuesOf(u)), `täljaren för ${u}`);
      den += present(termsMicro(f.denominator, valuesOf(u)), `nämnaren för ${u}`);
    }
    const value = exactRatio(num, den, f.factor);
    const details = { numerator: fromMicro(num), denominator: fromMicro(den) };
    return value === null
      ? { value, details, note: messageText("figureZeroDenominator", {}) }
      : { value, details };
  },
  formula: (measure, _row, ctx) => {
    const f = present(measure.formula, `formeln för ${measure.id}`);
    const inputRows = formulaInputs(f).map((id) => ctx.rowOf(id));
    if (!inputRows.every((r) => r !== undefined)) return undefined;
    const mask = presentMask(inputRows.map((r) => ctx.unitRange(r)));
    const sum = (terms: readonly Term[]) =>
      terms
        .map(
          (t, i) =>
            `${t.sign < 0 ? "-" : i === 0 ? "" : "+"}SUMPRODUCT(${mask},${ctx.unitRange(present(ctx.rowOf(t.measure), `raden för ${t.measure}`))})`,
        )
        .join("");
    return `(${sum(f.numerator)})/(${sum(f.denominator)})${f.factor !== 1 ? `*${f.factor}` : ""}`;
  },
  basis: (_m, figure) =>
    figure.details.denominator !== undefined
      ? `${number(figure.details.numerator)} / ${number(figure.details.denominator)}`
      : unitsBasis(figure),
  keyFigure: numberKeyFigure,
};
