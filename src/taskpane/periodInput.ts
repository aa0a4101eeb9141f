/** Checks a typed period against the uppdrag's follow-up frequency, with the CLI's Swedish wording. */
import type { Uppdrag } from "../core/model";
import { checkPeriod, frequencyWords, type Period } from "../core/period";
import { messageOf } from "../core/messages/sv";

export type PeriodCheck = { ok: true; period: Period } | { ok: false; error: string };

export function checkPeriodInput(uppdrag: Uppdrag, text: string): PeriodCheck {
  const check = checkPeriod(text, uppdrag);
  return check.ok ? check : { ok: false, error: messageOf(check.message) };
}

/** "månad, tertial eller halvår". */
export function frequencyText(uppdrag: Uppdrag): string {
  return frequencyWords(uppdrag.frequency);
}

/** An example code of the uppdrag's first frequency, for hints. */
export function examplePeriod(uppdrag: Uppdrag, year = new Date().getFullYear()): string {
  const examples = { halvar: `${year}H1`, tertial: `${year}T1`, manad: `${year}M01`, ar: `${year}` } as const;
  return examples[uppdrag.frequency[0] ?? "halvar"];
}
