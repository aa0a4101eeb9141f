/** text: free text (analys). */
import type { ValueTypeDescriptor } from "./descriptor";
import { between, oneCell, scalarJson, scalarTidy, shown } from "./shared";
import { present } from "../invariant";

const TEXTS = [
  "Arbetet följer plan. Rutinen för uppföljning har setts över och förbättringsområden är identifierade.",
  "Två avvikelser analyserades på APT; åtgärder är införda och följs upp nästa period.",
  "Brukarnas synpunkter har samlats in vid avslutssamtal och leder till en ändrad introduktion.",
];

export const text: ValueTypeDescriptor = {
  label: "fritext",
  entry: "cell",
  numeric: false,
  wholeNumber: false,
  answer: true,
  bounds: {},
  aggregations: ["text"],
  parse: oneCell((_measure, first) => ({
    value: { kind: "text", value: shown(first).trim() },
    problems: [],
  })),
  numberFormat: "@",
  wideValue: true,
  longText: true,
  validation: () => undefined,
  tidy: scalarTidy,
  json: scalarJson,
  sample: (_m, random) => present(TEXTS[between(random, 0, TEXTS.length - 1)], "en exempeltext"),
};
