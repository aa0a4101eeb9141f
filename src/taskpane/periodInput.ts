/** Checks a typed period against the uppdrag's follow-up frequency, with the CLI's Swedish wording. */
import type { Uppdrag } from "../core/model";
import { parsePeriod, type Period } from "../core/period";
import { FREQUENCY_LABELS } from "../core/messages/labels";

export type PeriodCheck = { ok: true; period: Period } | { ok: false; error: string };

export function checkPeriodInput(uppdrag: Uppdrag, text: string): PeriodCheck {
  if (text.trim() === "") return { ok: false, error: "Ange perioden, t.ex. 2025H1." };
  const period = parsePeriod(text);
  if (!period) return { ok: false, error: `Perioden "${text.trim()}" känns inte igen. Skriv t.ex. 2025H1 (halvår), 2025T2 (tertial), 2025M03 (månad) eller 2025 (helår).` };
  if (!uppdrag.frequency.includes(period.frequency)) {
    return { ok: false, error: `${uppdrag.name} följs upp per ${frequencyText(uppdrag)}, inte per ${FREQUENCY_LABELS[period.frequency]}.` };
  }
  return { ok: true, period };
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
