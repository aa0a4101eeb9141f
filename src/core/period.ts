/**
 * Follow-up periods: 2025H1/2025H2 (halvår), 2025T1–T3 (tertial), 2025M01–M12 (månad), 2025 (helår).
 */
import type { Frequency, Uppdrag } from "./model";
import type { Message } from "./messages/codes";
import { FREQUENCY_LABELS } from "./messages/labels";

export interface Period {
  code: string;
  year: number;
  frequency: Frequency;
  /** 1-based index within the year (1 for a whole year). */
  index: number;
  start: string;
  end: string;
  label: string;
}

const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(year: number, frequency: Frequency, index: number): Period {
  const monthsPer = { halvar: 6, tertial: 4, manad: 1, ar: 12 }[frequency];
  const firstMonth = (index - 1) * monthsPer + 1;
  const lastMonth = firstMonth + monthsPer - 1;
  const code =
    frequency === "ar"
      ? String(year)
      : frequency === "halvar"
        ? `${year}H${index}`
        : frequency === "tertial"
          ? `${year}T${index}`
          : `${year}M${String(index).padStart(2, "0")}`;
  const label =
    frequency === "ar"
      ? `Helår ${year}`
      : frequency === "halvar"
        ? `Halvår ${index} ${year}`
        : frequency === "tertial"
          ? `Tertial ${index} ${year}`
          : `${MONTHS[index - 1]} ${year}`;
  return {
    code,
    year,
    frequency,
    index,
    start: iso(year, firstMonth, 1),
    end: iso(year, lastMonth, lastDay(year, lastMonth)),
    label,
  };
}

/** Parses a period code; undefined when it is not one. */
export function parsePeriod(code: string): Period | undefined {
  const m = /^(\d{4})(?:([HhTtMm])(\d{1,2}))?$/.exec(code.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return undefined;
  if (!m[2]) return build(year, "ar", 1);
  const letter = m[2].toUpperCase();
  const index = Number(m[3]);
  const frequency: Frequency = letter === "H" ? "halvar" : letter === "T" ? "tertial" : "manad";
  const count = { halvar: 2, tertial: 3, manad: 12, ar: 1 }[frequency];
  if (index < 1 || index > count) return undefined;
  if (letter !== "M" && m[3]?.length !== 1) return undefined;
  return build(year, frequency, index);
}

/** The period just before this one at the same frequency. */
export function previousPeriod(period: Period): Period {
  if (period.index > 1) return build(period.year, period.frequency, period.index - 1);
  const count = { halvar: 2, tertial: 3, manad: 12, ar: 1 }[period.frequency];
  return build(period.year - 1, period.frequency, count);
}

/** "månad, tertial eller halvår": the frequencies in words. */
export function frequencyWords(frequencies: readonly Frequency[]): string {
  const labels = frequencies.map((f) => FREQUENCY_LABELS[f]);
  return labels.length <= 1
    ? (labels[0] ?? "")
    : `${labels.slice(0, -1).join(", ")} eller ${labels[labels.length - 1]}`;
}

export type PeriodCheck =
  | { ok: true; period: Period }
  | { ok: false; message: Message<"periodMissing" | "periodUnknown" | "periodWrongFrequency"> };

/** A typed period: the period, or what is wrong with it (with the uppdrag: one it is not followed up by). */
export function checkPeriod(text: string, uppdrag?: Uppdrag): PeriodCheck {
  if (text.trim() === "") return { ok: false, message: { code: "periodMissing", params: {} } };
  const period = parsePeriod(text);
  if (!period) return { ok: false, message: { code: "periodUnknown", params: { input: text.trim() } } };
  if (uppdrag && !uppdrag.frequency.includes(period.frequency)) {
    return {
      ok: false,
      message: {
        code: "periodWrongFrequency",
        params: {
          uppdrag: uppdrag.name,
          frequencies: frequencyWords(uppdrag.frequency),
          frequency: FREQUENCY_LABELS[period.frequency],
        },
      },
    };
  }
  return { ok: true, period };
}
