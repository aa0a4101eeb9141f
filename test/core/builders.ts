/** Small builders for core tests. */
import { loadTemplates } from "../../src/cli/templateFiles";
import type { UnitReport, Uppdrag, Value } from "../../src/core/model";

const { catalog } = loadTemplates();

export function uppdragById(id: string): Uppdrag {
  const u = catalog.uppdrag.find((x) => x.id === id);
  if (!u) throw new Error(`uppdrag ${id} saknas i katalogen`);
  return u;
}

export const psyk = () => uppdragById("psykiatrisk-hemsjukvard");
export const oppna = () => uppdragById("oppna-verksamheter");

export const n = (value: number): Value => ({ kind: "number", value });
export const yes = (value: boolean): Value => ({ kind: "yesNo", value });
export const text = (value: string): Value => ({ kind: "text", value });
export const list = (...values: number[]): Value => ({ kind: "list", values });

/** A report for `uppdrag` with the given values (numbers become number values); everything else missing. */
export function unitWith(
  uppdrag: Uppdrag,
  unit: string,
  values: Record<string, number | Value>,
  extra: Partial<UnitReport> = {},
): UnitReport {
  const v: Record<string, Value> = {};
  for (const [k, x] of Object.entries(values)) v[k] = typeof x === "number" ? n(x) : x;
  return {
    uppdragId: uppdrag.id,
    templateVersion: uppdrag.version,
    unit,
    period: "2025H1",
    file: `${unit}.xlsx`,
    values: v,
    ...extra,
  };
}

/** A complete, consistent psykiatrisk hemsjukvård report. */
export function psykValues(
  start: number,
  nya: number,
  avslutade: number,
  pas: number,
  sip: number,
  fte = 7,
): Record<string, number> {
  return {
    patienter_start: start,
    patienter_nya: nya,
    patienter_avslutade: avslutade,
    patienter_slut: start + nya - avslutade,
    pas_antal: pas,
    sip_patienter: sip,
    arsarbetare: fte,
  };
}
