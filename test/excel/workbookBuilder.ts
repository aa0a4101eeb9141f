/** Builds a fake workbook laid out like a unit's template: a sheet per section, names U_<id> and META_*. */
import type { Uppdrag } from "../../src/core/model";
import { appliesTo, isInput } from "../../src/core/measures";
import {
  FIRST_MEASURE_ROW,
  META_KEYS,
  META_SHEET,
  definedName,
  metaName,
  rowsFor,
} from "../../src/workbook/layout";
import { FakeWorkbook, type CellSpec } from "./fakeExcel";

export interface UnitWorkbookOptions {
  unit?: string;
  period?: string;
  parts?: string[];
  version?: string;
  /** Values by measure id; a daysList takes a list. */
  values?: Record<string, CellSpec | CellSpec[]>;
  /** Measures whose names are left out (lost names). */
  withoutNames?: string[];
  /** Leave out the META_* names (the metadata sheet stays). */
  withoutMetaNames?: boolean;
}

const ref = (sheet: string, first: number, last = first, column = "C") =>
  `'${sheet.replace(/'/g, "''")}'!$${column}$${first}${last === first ? "" : `:$${column}$${last}`}`;

export function unitWorkbook(uppdrag: Uppdrag, options: UnitWorkbookOptions = {}): FakeWorkbook {
  const wb = new FakeWorkbook([{ name: "Instruktioner", cells: { A1: `Uppföljning – ${uppdrag.name}` } }]);
  const skip = new Set(options.withoutNames ?? []);
  for (const section of uppdrag.sections) {
    const measures = uppdrag.measures.filter((m) => m.section === section.id && appliesTo(m, options.parts));
    if (measures.length === 0) continue;
    const sheet = wb.addSheet({
      name: section.sheet,
      cells: { A1: section.label, A4: "Mått-id", B4: "Mått", C4: "Värde" },
    });
    let row = FIRST_MEASURE_ROW;
    for (const m of measures) {
      sheet.cells.set(`A${row}`, { value: m.id });
      sheet.cells.set(`B${row}`, { value: m.label });
      const value = options.values?.[m.id];
      if (m.type === "daysList") {
        const first = row + 1;
        const last = row + rowsFor(m) - 1;
        (Array.isArray(value) ? value : []).forEach((v, i) =>
          sheet.cells.set(
            `C${first + i}`,
            typeof v === "object" && !("error" in v) ? { ...v } : { value: v },
          ),
        );
        if (!skip.has(m.id)) wb.addName(definedName(m.id), ref(section.sheet, first, last));
      } else {
        if (value !== undefined && !Array.isArray(value))
          sheet.cells.set(
            `C${row}`,
            typeof value === "object" && !("error" in value) ? { ...value } : { value },
          );
        if (isInput(m) && !skip.has(m.id)) wb.addName(definedName(m.id), ref(section.sheet, row));
      }
      row += rowsFor(m);
    }
  }
  const meta: Record<string, string> = {
    uppdrag: uppdrag.id,
    uppdragsnamn: uppdrag.name,
    mallversion: options.version ?? uppdrag.version,
    enhet: options.unit ?? "Enhet Norr",
    period: options.period ?? "2026H1",
    delar: options.parts?.join(",") ?? "",
    skapad: "2026-01-15T10:00:00.000Z",
    verktyg: "uppfoljning",
  };
  const metaSheet = wb.addSheet({ name: META_SHEET });
  META_KEYS.forEach((key, i) => {
    metaSheet.cells.set(`A${i + 1}`, { value: key });
    if (meta[key] !== "") metaSheet.cells.set(`B${i + 1}`, { value: meta[key], numberFormat: "@" });
    if (!options.withoutMetaNames) wb.addName(metaName(key), ref(META_SHEET, i + 1, i + 1, "B"));
  });
  return wb;
}

/** The same uppdrag with every measure repeated `times` (ids suffixed), to show round trips do not grow. */
export function multiplied(uppdrag: Uppdrag, times: number): Uppdrag {
  const measures = Array.from({ length: times }, (_, i) =>
    uppdrag.measures.map((m) => ({
      ...m,
      id: i === 0 ? m.id : `${m.id}_x${i}`,
      ...(m.formula
        ? {
            formula: {
              ...m.formula,
              numerator: m.formula.numerator.map((t) => ({
                ...t,
                measure: i === 0 ? t.measure : `${t.measure}_x${i}`,
              })),
              denominator: m.formula.denominator.map((t) => ({
                ...t,
                measure: i === 0 ? t.measure : `${t.measure}_x${i}`,
              })),
            },
          }
        : {}),
    })),
  ).flat();
  return { ...uppdrag, id: `${uppdrag.id}-x${times}`, measures };
}
