/**
 * What a template is asked for, checked one way by the command line (create), the task pane
 * (Skapa), the list of units and the template writer: a period code, one the uppdrag follows
 * up, and parts the uppdrag has. Errors are Swedish sentences naming what was typed.
 */
import type { Uppdrag } from "./model";
import { parsePeriod, type Period } from "./period";
import { FREQUENCY_LABELS } from "./messages/labels";

export type PeriodCheck = { ok: true; period: Period } | { ok: false; error: string };

/** A period code, whatever the uppdrag. */
export function checkPeriod(text: string): PeriodCheck {
  if (text.trim() === "") return { ok: false, error: "Ange perioden, t.ex. 2025H1." };
  const period = parsePeriod(text);
  if (!period) return { ok: false, error: `Perioden "${text.trim()}" känns inte igen. Skriv t.ex. 2025H1 (halvår), 2025T2 (tertial), 2025M03 (månad) eller 2025 (helår).` };
  return { ok: true, period };
}

/** A period code of a frequency the uppdrag is followed up by. */
export function checkPeriodFor(uppdrag: Uppdrag, text: string): PeriodCheck {
  const check = checkPeriod(text);
  if (check.ok && !uppdrag.frequency.includes(check.period.frequency)) {
    return { ok: false, error: `${uppdrag.name} följs upp per ${frequencyText(uppdrag)}, inte per ${FREQUENCY_LABELS[check.period.frequency]}.` };
  }
  return check;
}

/** "månad, tertial eller halvår". */
export function frequencyText(uppdrag: Uppdrag): string {
  const labels = uppdrag.frequency.map((f) => FREQUENCY_LABELS[f]);
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} eller ${labels[labels.length - 1]}`;
}

/** An example code of the uppdrag's first frequency, for hints. */
export function examplePeriod(uppdrag: Uppdrag, year = new Date().getFullYear()): string {
  const examples = { halvar: `${year}H1`, tertial: `${year}T1`, manad: `${year}M01`, ar: `${year}` } as const;
  return examples[uppdrag.frequency[0] ?? "halvar"];
}

/** One error for each part the uppdrag does not have: `delen "x" finns inte i <uppdrag>. Delar: a, b.` */
export function unknownPartErrors(uppdrag: Uppdrag, parts: readonly string[] | undefined): string[] {
  const known = uppdrag.parts.map((p) => p.id).join(", ") || "(uppdraget har inga delar)";
  return (parts ?? []).filter((p) => !uppdrag.parts.some((x) => x.id === p)).map((p) => `delen "${p}" finns inte i ${uppdrag.name}. Delar: ${known}.`);
}
