/**
 * Where `highlight` remembers the fills it replaced, so `clearHighlight` can put them back.
 * Inside Office the list is kept in the document's add-in settings as well as in memory: a
 * controller who saves and reopens a marked workbook can still clear the marks. Settings are
 * read synchronously and saved with saveAsync, so they add no Excel round trip.
 */

export interface RememberedFill {
  sheet: string;
  /** One cell, A1. */
  cell: string;
  /** The fill colour before marking; null = no fill. */
  color: string | null;
}

export interface FillStore {
  read(): RememberedFill[];
  write(fills: readonly RememberedFill[]): Promise<void>;
}

const SETTINGS_KEY = "uppfoljning.markeringar";

export function memoryFillStore(initial: readonly RememberedFill[] = []): FillStore {
  let fills = [...initial];
  return {
    read: () => [...fills],
    write: async (next) => {
      fills = [...next];
    },
  };
}

function isRememberedFill(x: unknown): x is RememberedFill {
  const f = x as RememberedFill;
  return (
    typeof f === "object" &&
    f !== null &&
    typeof f.sheet === "string" &&
    typeof f.cell === "string" &&
    (f.color === null || typeof f.color === "string")
  );
}

/** The subset of Office.Settings used here, so tests can pass a plain object. */
export interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}

export function settingsFillStore(settings: SettingsLike): FillStore {
  return {
    read: () => {
      const stored = settings.get(SETTINGS_KEY);
      return Array.isArray(stored) ? stored.filter(isRememberedFill) : [];
    },
    write: (fills) =>
      new Promise((resolve) => {
        if (fills.length === 0) settings.remove(SETTINGS_KEY);
        else settings.set(SETTINGS_KEY, fills);
        // A failed save only means the marks cannot be cleared after reopening; the fills themselves are done.
        settings.saveAsync(() => resolve());
      }),
  };
}

/** Document settings when running inside Office, else memory only. */
export function defaultFillStore(): FillStore {
  const settings =
    typeof Office !== "undefined"
      ? (Office.context?.document?.settings as SettingsLike | undefined)
      : undefined;
  return settings ? settingsFillStore(settings) : memoryFillStore();
}
