/**
 * Where the confirmed budget mapping is kept inside Excel: the workbook's add-in settings, as
 * the JSON text the standalone page downloads (core serializeMapping). It travels with the
 * workbook the Ekonomi sheet is written into, so next period's roll-up in it finds the mapping,
 * and it stays out of the workbook's sheets (no hidden sheet for others to stumble on).
 * Settings are read synchronously and saved with saveAsync: no Excel round trip.
 */
import type { SettingsLike } from "./fillMemory";

export const MAPPING_SETTINGS_KEY = "uppfoljning.budgetmappning";

export interface MappingStore {
  read(): string | undefined;
  write(json: string): Promise<void>;
}

export function memoryMappingStore(initial?: string): MappingStore {
  let text = initial;
  return {
    read: () => text,
    write: async (json) => {
      text = json;
    },
  };
}

export function settingsMappingStore(settings: SettingsLike): MappingStore {
  return {
    read: () => {
      const stored = settings.get(MAPPING_SETTINGS_KEY);
      return typeof stored === "string" ? stored : undefined;
    },
    write: (json) =>
      new Promise((resolve, reject) => {
        settings.set(MAPPING_SETTINGS_KEY, json);
        // Unlike a fill mark, a mapping that was not saved must be said: the user relies on it next period.
        settings.saveAsync((result) =>
          result.error
            ? reject(new Error(`Kopplingen kunde inte sparas i arbetsboken: ${result.error.message}`))
            : resolve(),
        );
      }),
  };
}

/** Document settings when running inside Office, else memory only. */
export function defaultMappingStore(): MappingStore {
  const settings =
    typeof Office !== "undefined"
      ? (Office.context?.document?.settings as SettingsLike | undefined)
      : undefined;
  return settings ? settingsMappingStore(settings) : memoryMappingStore();
}
