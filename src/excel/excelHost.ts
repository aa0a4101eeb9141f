/**
 * The task pane's host inside Excel, with Office.js. Every call is a fixed number of round trips
 * (context.sync), whatever the number of measures, cells or rows: loads and writes are queued
 * for all targets first, then synced once (reading takes a third trip only when an input's
 * name is lost and its label must be looked for). `run` and the requirement-set check are injected so
 * tests can drive a fake object model and count the syncs.
 */
import type { Catalog } from "../core/model";
import type { ReadOutcome } from "../workbook/identify";
import { META_SHEET } from "../workbook/layout";
import type { CellRef, ExcelHost, HighlightCell } from "../taskpane/host";
import { cellsOf } from "../workbook/a1";
import { bytesToBase64 } from "./base64";
import { HostNotSupportedError } from "./errors";
import { defaultFillStore, type FillStore, type RememberedFill } from "./fillMemory";
import {
  planNameReads,
  readOutcomeFromSnapshot,
  type RangeData,
  type WorkbookSnapshot,
} from "./rawFromRanges";
import { planSheetNames, sheetBlocks } from "./sheetBlocks";
import { queueCharts } from "./excelCharts";
import { readCharts, type WorkbookChart } from "../workbook/readCharts";
import { readWorkbookSheets } from "./budgetSheets";
import { defaultMappingStore, type MappingStore } from "./mappingStore";
import { writeEkonomiLayout } from "./ekonomiWrite";
import { present } from "../core/invariant";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
type XlsxModule = typeof import("xlsx");

export interface ExcelHostDeps {
  /** Default: Excel.run. */
  run?: ExcelRun;
  /** Default: Office.context.requirements.isSetSupported. */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Default: Excel.createWorkbook. */
  createWorkbook?: (base64: string) => Promise<void>;
  /** Where replaced fills are remembered. Default: the document's settings inside Office, else memory. */
  fills?: FillStore;
  /** Where the confirmed budget mapping is kept. Default: the document's settings inside Office, else memory. */
  mappings?: MappingStore;
  /** SheetJS, loaded only when level 2 is delivered (it is large). */
  loadXlsx?: () => Promise<XlsxModule>;
}

/** Shown as the file in messages when the workbook's name cannot be read (before ExcelApi 1.7). */
export const ACTIVE_WORKBOOK = "(aktiv arbetsbok)";

const FILL_COLORS = { fel: "#F8CBAD", varning: "#FFE699" } as const;

const NOT_SUPPORTED = {
  createWorkbook:
    "Den här versionen av Excel kan inte öppna mallen som en ny arbetsbok (det kräver ExcelApi 1.8). Ladda ned mallen från den fristående sidan i webbläsaren och öppna den i Excel i stället.",
} as const;

/** What a range is loaded with for reading: the values with their number formats and types. */
const RANGE_PROPERTIES = "address,values,numberFormat,valueTypes";
const rangeData = (range: Excel.Range): RangeData => ({
  address: range.address,
  values: range.values,
  numberFormat: range.numberFormat,
  valueTypes: range.valueTypes as string[][],
});

const keyOf = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

/** Puts a remembered fill back: clear() when there was none, else the old colour. Values are never touched. */
function restoreFill(context: Excel.RequestContext, fill: RememberedFill) {
  const target = context.workbook.worksheets.getItem(fill.sheet).getRange(fill.cell).format.fill;
  if (fill.color === null) target.clear();
  else target.color = fill.color;
}

export function createExcelHost(deps: ExcelHostDeps = {}): ExcelHost {
  const run: ExcelRun = deps.run ?? ((batch) => Excel.run(batch));
  const supported =
    deps.isSetSupported ??
    ((name: string, version: string) =>
      typeof Office !== "undefined" && Office.context.requirements.isSetSupported(name, version));
  const createWorkbook = deps.createWorkbook ?? ((base64: string) => Excel.createWorkbook(base64));
  const loadXlsx = deps.loadXlsx ?? (() => import("xlsx"));
  let fillStore: FillStore | undefined = deps.fills;
  let mappingStore: MappingStore | undefined = deps.mappings;
  const mappings = () => (mappingStore ??= defaultMappingStore());
  // The names the last level 2 delivered got here ("Nivå 2" may be "Nivå 2 (2)"): the Ekonomi sheet's formulas point at them.
  let delivered: ReadonlyMap<string, string> = new Map();
  const store = () => (fillStore ??= defaultFillStore());
  // Cell key → the fill it had before we marked it. Loaded from the store on first use.
  let remembered: Map<string, RememberedFill> | undefined;
  const memory = () =>
    (remembered ??= new Map(
      store()
        .read()
        .map((f) => [keyOf(f.sheet, f.cell), f]),
    ));

  async function readActiveWorkbook(catalog: Catalog): Promise<ReadOutcome> {
    const withWorkbookName = supported("ExcelApi", "1.7");
    return run(async (context) => {
      const wb = context.workbook;
      // Round trip 1: every name and sheet name (and the workbook's name for messages).
      const names = wb.names.load("items/name,items/type,items/value");
      const sheets = wb.worksheets.load("items/name");
      if (withWorkbookName) wb.load("name");
      await context.sync();

      // Round trip 2: the ranges of the metadata names and of every input name the catalog knows.
      const infos = names.items.map((n) => ({
        name: n.name,
        type: String(n.type),
        value: n.value as unknown,
      }));
      const sheetNames = sheets.items.map((s) => s.name);
      const plan = planNameReads(infos, sheetNames, catalog);
      const wanted = new Set(plan.rangeNames);
      const ranges = names.items
        .filter((n) => wanted.has(n.name))
        .map((n) => ({ name: n.name, range: n.getRange().load(RANGE_PROPERTIES) }));
      const metaSheetName = sheetNames.find((s) => s.toLowerCase() === META_SHEET.toLowerCase());
      const metaRange =
        plan.readMetaSheet && metaSheetName
          ? wb.worksheets.getItem(metaSheetName).getUsedRange().load("address,values")
          : undefined;
      if (ranges.length > 0 || metaRange) await context.sync();

      const snapshot: WorkbookSnapshot = {
        file: (withWorkbookName && wb.name) || ACTIVE_WORKBOOK,
        sheetNames,
        names: infos,
        ranges: new Map(ranges.map(({ name, range }) => [name, rangeData(range)])),
        ...(metaRange ? { metaSheet: { address: metaRange.address, values: metaRange.values } } : {}),
      };
      const byName = readOutcomeFromSnapshot(snapshot, catalog);
      if (byName) return byName;

      // Round trip 3, only when an input's name is lost: every other sheet's cells, to find its label as the file reader does.
      const used = sheetNames
        .filter((s) => s !== metaSheetName)
        .map((s) => wb.worksheets.getItem(s).getUsedRange().load(RANGE_PROPERTIES));
      await context.sync();
      return present(
        readOutcomeFromSnapshot({ ...snapshot, usedRanges: used.map(rangeData) }, catalog),
        "utfallet när bladens använda områden är lästa",
      );
    });
  }

  async function selectCell(ref: CellRef): Promise<void> {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(ref.sheet);
      sheet.activate();
      sheet.getRange(ref.cell).select();
      await context.sync();
    });
  }

  /**
   * Marks exactly these cells: cells marked before and not in the list get their fill back.
   * Fills are remembered per cell, so a range with mixed fills is restored exactly.
   */
  async function highlight(cells: HighlightCell[]): Promise<void> {
    const previous = memory();
    const severityOf = new Map<string, HighlightCell>();
    for (const c of cells) {
      for (const cell of cellsOf(c.cell)) {
        const key = keyOf(c.sheet, cell);
        if (severityOf.get(key)?.severity !== "fel")
          severityOf.set(key, { sheet: c.sheet, cell, severity: c.severity });
      }
    }
    if (severityOf.size === 0) return clearHighlight();
    // Without ExcelApi 1.9 there is no pattern, and "no fill" reads as white: white is then restored as no fill.
    const withPattern = supported("ExcelApi", "1.9");
    const next = new Map(previous);
    await run(async (context) => {
      const sheets = context.workbook.worksheets;
      // Round trip 1: the current fill of every cell not already marked by us (its fill now is our colour).
      const fresh = [...severityOf].filter(([key]) => !previous.has(key));
      const loads = fresh.map(([key, c]) => ({
        key,
        c,
        fill: sheets
          .getItem(c.sheet)
          .getRange(c.cell)
          .format.fill.load(withPattern ? "color,pattern" : "color"),
      }));
      if (loads.length > 0) await context.sync();
      for (const { key, c, fill } of loads) {
        const none = withPattern
          ? fill.pattern === "None"
          : !fill.color || fill.color.toUpperCase() === "#FFFFFF";
        next.set(key, { sheet: c.sheet, cell: c.cell, color: none ? null : fill.color });
      }
      // Round trip 2: unmark what is no longer a problem, mark the rest (warnings first, so errors win on overlaps).
      for (const [key, fill] of previous) {
        if (severityOf.has(key)) continue;
        restoreFill(context, fill);
        next.delete(key);
      }
      for (const c of [...cells].sort((a, b) =>
        a.severity === b.severity ? 0 : a.severity === "varning" ? -1 : 1,
      )) {
        if (cellsOf(c.cell).length === 0) continue;
        sheets.getItem(c.sheet).getRange(c.cell).format.fill.color = FILL_COLORS[c.severity];
      }
      await context.sync();
    });
    remembered = next;
    await store().write([...next.values()]);
  }

  async function clearHighlight(): Promise<void> {
    const previous = memory();
    if (previous.size === 0) return;
    await run(async (context) => {
      for (const fill of previous.values()) restoreFill(context, fill);
      await context.sync();
    });
    remembered = new Map();
    await store().write([]);
  }

  async function openTemplate(bytes: Uint8Array): Promise<void> {
    if (!supported("ExcelApi", "1.8"))
      throw new HostNotSupportedError(NOT_SUPPORTED.createWorkbook, "ExcelApi 1.8");
    await createWorkbook(bytesToBase64(bytes));
  }

  /** Before ExcelApi 1.13, or when Excel refuses taken names: each sheet as one block of formulas and number formats. */
  async function writeSheetBlocks(
    context: Excel.RequestContext,
    XLSX: XlsxModule,
    bytes: Uint8Array,
    taken: string[],
    charts: readonly WorkbookChart[],
  ): Promise<Map<string, string>> {
    const source = XLSX.read(bytes, {
      type: "array",
      cellFormula: true,
      cellNF: true,
      cellStyles: false,
      cellDates: false,
    });
    const names = planSheetNames(source.SheetNames, taken);
    const blocks = sheetBlocks(source, names);
    const wb = context.workbook;
    if (supported("ExcelApi", "1.6")) wb.application.suspendApiCalculationUntilNextSync();
    let first: Excel.Worksheet | undefined;
    for (const block of blocks) {
      const sheet = wb.worksheets.add(block.name);
      first ??= sheet;
      if (!block.address) continue;
      const range = sheet.getRange(block.address);
      range.formulas = block.formulas;
      range.numberFormat = block.numberFormat;
    }
    queueCharts(context, charts, (sheet) => names.get(sheet) ?? sheet, supported);
    first?.activate();
    await context.sync();
    return names;
  }

  /**
   * ExcelApi 1.13: Excel copies the sheets with formulas, styles and the data table. Sheets whose
   * names are taken end up as "Nivå 2 (2)" and so on: renamed by us after the insert if Excel
   * named them otherwise, or, if Excel refuses the insert, written as blocks in the same run.
   */
  async function deliverLevel2(bytes: Uint8Array): Promise<void> {
    const XLSX = await loadXlsx();
    const canInsert = supported("ExcelApi", "1.13");
    const sourceNames = canInsert ? XLSX.read(bytes, { type: "array", bookSheets: true }).SheetNames : [];
    const charts = readCharts(bytes);
    delivered = await run(async (context) => {
      const wb = context.workbook;
      // Round trip 1: the sheet names already taken.
      const existing = wb.worksheets.load("items/name");
      await context.sync();
      const taken = existing.items.map((s) => s.name);
      if (!canInsert) return writeSheetBlocks(context, XLSX, bytes, taken, charts);

      // Round trip 2: insert, and read back the names Excel gave the copies (queued after the insert).
      const names = planSheetNames(sourceNames, taken);
      const renamed = [...names].some(([from, to]) => from !== to);
      const ids = wb.insertWorksheetsFromBase64(bytesToBase64(bytes), { positionType: "End" });
      const after = wb.worksheets.load("items/name,items/id");
      try {
        await context.sync();
      } catch (e) {
        if (!renamed) throw e;
        return writeSheetBlocks(context, XLSX, bytes, taken, charts);
      }
      // Round trip 3: our names where Excel chose others (ids come in the source's sheet order), the
      // charts (the insert brings none), and show the result.
      const byId = new Map(after.items.map((s) => [s.id, s]));
      ids.value.forEach((id, i) => {
        const sheet = byId.get(id);
        const wanted = names.get(sourceNames[i] ?? "");
        if (sheet && wanted && sheet.name !== wanted) sheet.name = wanted;
      });
      queueCharts(context, charts, (sheet) => names.get(sheet) ?? sheet, supported);
      const first = ids.value[0];
      if (first !== undefined) wb.worksheets.getItem(first).activate();
      await context.sync();
      return names;
    });
  }

  return {
    kind: "excel",
    openTemplate,
    readActiveWorkbook,
    selectCell,
    highlight,
    clearHighlight,
    deliverLevel2,
    readWorkbookSheets: () =>
      run((context) => readWorkbookSheets(context, supported("ExcelApi", "1.7"), ACTIVE_WORKBOOK)),
    savedBudgetMapping: () => mappings().read(),
    saveBudgetMapping: (json) => mappings().write(json),
    writeEkonomiSheet: (layout) =>
      run((context) => writeEkonomiLayout(context, layout, delivered, (v) => supported("ExcelApi", v))),
  };
}
