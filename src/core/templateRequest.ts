/**
 * What a template is asked for, checked one way by the command line (create), the task pane
 * (Skapa), the list of units and the template writer: a period code, one the uppdrag follows
 * up, and parts the uppdrag has. Errors are Swedish sentences naming what was typed.
 */
import type { Uppdrag } from "./model";
import { checkPeriod as checkPeriodCode, frequencyWords, type Period } from "./period";
import { messageOf } from "./messages/sv";

export type PeriodCheck = { ok: true; period: Period } | { ok: false; error: string };

/** The period check of period.ts with its message in words (the message pack's text). */
const inWords = (check: ReturnType<typeof checkPeriodCode>): PeriodCheck =>
  check.ok ? check : { ok: false, error: messageOf(check.message) };

/** A period code, whatever the uppdrag. */
export const checkPeriod = (text: string): PeriodCheck => inWords(checkPeriodCode(text));

/** A period code of a frequency the uppdrag is followed up by. */
export const checkPeriodFor = (uppdrag: Uppdrag, text: string): PeriodCheck =>
  inWords(checkPeriodCode(text, uppdrag));

/** "månad, tertial eller halvår". */
export const frequencyText = (uppdrag: Uppdrag): string => frequencyWords(uppdrag.frequency);

/** An example code of the uppdrag's first frequency, for hints. */
export function examplePeriod(uppdrag: Uppdrag, year = new Date().getFullYear()): string {
  const examples = { halvar: `${year}H1`, tertial: `${year}T1`, manad: `${year}M01`, ar: `${year}` } as const;
  return examples[uppdrag.frequency[0] ?? "halvar"];
}

/** One error for each part the uppdrag does not have: `delen "x" finns inte i <uppdrag>. Delar: a, b.` */
export function unknownPartErrors(uppdrag: Uppdrag, parts: readonly string[] | undefined): string[] {
  const known = uppdrag.parts.map((p) => p.id).join(", ") || "(uppdraget har inga delar)";
  return (parts ?? [])
    .filter((p) => !uppdrag.parts.some((x) => x.id === p))
    .map((p) => `delen "${p}" finns inte i ${uppdrag.name}. Delar: ${known}.`);
}
