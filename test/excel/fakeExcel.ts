/**
 * A small fake of the Excel JavaScript object model, enough for the adapter: sheets of cells,
 * workbook-scoped names, fills. Like Office.js, every load, write and method call is queued
 * and only happens at `context.sync()`; reading a property that was not loaded and synced
 * throws. The state counts syncs and logs every write, so tests can check round trips and
 * that values were never written.
 *
 * Hand-written instead of office-addin-mock: that mock has no collection items, applies writes
 * at once and does not count syncs, which are exactly what these tests are about.
 */
import * as XLSX from "xlsx";
import { cellsOf, decodeRange, encodeCell, parseAddress, quoteSheet } from "../../src/workbook/a1";

export interface FakeCell {
  value?: unknown;
  numberFormat?: string;
  /** Fill colour; null/undefined = no fill. */
  fill?: string | null;
}

/** A cell's content in a sheet spec: a plain value, an error, or a full cell. */
export type CellSpec = string | number | boolean | { error: string } | FakeCell;

export interface FakeSheetSpec {
  name: string;
  cells?: Record<string, CellSpec>;
}

/** A chart as charts.add and the property writes after it left it. */
export interface FakeChart {
  type: string;
  /** The source range's sheet (its name when the chart was added) and address. */
  dataSheet: string;
  source: string;
  seriesBy?: string;
  name?: string;
  title?: string;
  legendPosition?: string;
  position?: { from: string; to?: string };
  displayBlanksAs?: string;
  valueAxisNumberFormat?: string;
}

interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  charts: FakeChart[];
}

type NameDef = { name: string; ref: string } | { name: string; constant: string | number | boolean };

export type Op =
  | { op: "fill"; sheet: string; cell: string; color: string | null }
  | { op: "values" | "formulas" | "numberFormat"; sheet: string; address: string; data: unknown[][] }
  | { op: "addSheet" | "activate" | "rename"; sheet: string }
  | { op: "select"; sheet: string; address: string }
  | { op: "suspendCalculation" }
  | { op: "addChart"; sheet: string }
  | { op: "format"; sheet: string; address: string; prop: string; value: unknown }
  | { op: "conditionalFormat"; sheet: string; address: string; formula: string; fill?: string; font?: string }
  | { op: "freeze"; sheet: string; address: string }
  | { op: "insertWorksheetsFromBase64"; base64: string; options: unknown; names: string[] };

export class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const isErrorSpec = (v: unknown): v is { error: string } =>
  typeof v === "object" && v !== null && "error" in v;

function toCell(spec: CellSpec): FakeCell {
  if (typeof spec === "object" && spec !== null && !isErrorSpec(spec)) return { ...spec };
  return { value: spec };
}

// ---------------------------------------------------------------------------
// State

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names: NameDef[] = [];
  workbookName = "Enhet.xlsx";
  /** The active sheet's name; default the first sheet. */
  activeSheet?: string;
  syncs = 0;
  runs = 0;
  log: Op[] = [];
  /** What insertWorksheetsFromBase64 does with a taken name: rename like Excel's copy ("X (2)"), another way ("X-kopia"), or fail. */
  insertConflict: "rename" | "otherName" | "reject" = "rename";
  private nextId = 1;

  constructor(sheets: FakeSheetSpec[] = []) {
    for (const s of sheets) this.addSheet(s);
  }

  addSheet(spec: FakeSheetSpec): FakeSheet {
    const sheet: FakeSheet = {
      id: `{sheet-${this.nextId++}}`,
      name: spec.name,
      cells: new Map(),
      charts: [],
    };
    for (const [addr, c] of Object.entries(spec.cells ?? {})) sheet.cells.set(addr, toCell(c));
    this.sheets.push(sheet);
    return sheet;
  }

  /** A workbook-scoped name to a reference like "'Blad'!$C$7", or a constant. */
  addName(name: string, refOrConstant: string | { constant: string | number | boolean }) {
    this.names.push(
      typeof refOrConstant === "string"
        ? { name, ref: refOrConstant }
        : { name, constant: refOrConstant.constant },
    );
  }

  sheet(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
  }

  sheetOrThrow(key: string): FakeSheet {
    const s = this.sheet(key);
    if (!s) throw new FakeError("ItemNotFound", `Worksheet not found: ${key}`);
    return s;
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    return this.sheet(sheet)?.cells.get(address);
  }

  /** All values of all sheets, for before/after comparisons. */
  valuesSnapshot(): Record<string, Record<string, unknown>> {
    return Object.fromEntries(
      this.sheets.map((s) => [
        s.name,
        Object.fromEntries([...s.cells].map(([a, c]) => [a, structuredClone(c.value)])),
      ]),
    );
  }

  fillsSnapshot(): Record<string, Record<string, string | null>> {
    return Object.fromEntries(
      this.sheets.map((s) => [s.name, Object.fromEntries([...s.cells].map(([a, c]) => [a, c.fill ?? null]))]),
    );
  }

  /** The Excel.run replacement: a new context per run, like Office.js. */
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    return batch(new FakeContext(this) as unknown as Excel.RequestContext);
  };

  createSheetFromInsert(wanted: string): FakeSheet {
    let name = wanted;
    if (this.sheet(name)) {
      if (this.insertConflict === "reject")
        throw new FakeError("InvalidArgument", `A sheet named ${wanted} exists`);
      if (this.insertConflict === "otherName")
        for (let i = 1; this.sheet(name); i++) name = `${wanted}-kopia${i > 1 ? i : ""}`;
      for (let i = 2; this.sheet(name); i++) name = `${wanted} (${i})`;
    }
    return this.addSheet({ name });
  }
}

// ---------------------------------------------------------------------------
// Context and proxies

class FakeContext {
  private queue: (() => void)[] = [];
  readonly workbook: WorkbookProxy;

  constructor(readonly state: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(action: () => void) {
    this.queue.push(action);
  }

  async sync(): Promise<void> {
    this.state.syncs++;
    const actions = this.queue;
    this.queue = [];
    for (const action of actions) action(); // an error rejects the sync, as a failed batch does
  }
}

function propsOf(props?: string | string[] | Record<string, unknown>): string[] {
  if (props === undefined) return [];
  const list =
    typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : Object.keys(props);
  return list.map((p) => p.trim().replace(/^items\//, "")).filter((p) => p !== "");
}

abstract class ProxyBase {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}

  protected abstract fetch(prop: string): unknown;

  load(props?: string | string[] | Record<string, unknown>): this {
    const list = propsOf(props);
    this.ctx.enqueue(() => {
      for (const p of list) this.loaded.set(p, structuredClone(this.fetch(p)));
    });
    return this;
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new FakeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Call load and context.sync() first.`,
      );
    return this.loaded.get(prop) as T;
  }

  /** For collection items: properties already known from the collection's load. */
  preload(values: Record<string, unknown>): this {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
    return this;
  }
}

class WorkbookProxy extends ProxyBase {
  readonly names: NamedItemCollectionProxy;
  readonly worksheets: WorksheetCollectionProxy;
  readonly application: { suspendApiCalculationUntilNextSync(): void };

  constructor(ctx: FakeContext) {
    super(ctx);
    this.names = new NamedItemCollectionProxy(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        ctx.enqueue(() => ctx.state.log.push({ op: "suspendCalculation" })),
    };
  }

  protected fetch(prop: string): unknown {
    if (prop === "name") return this.ctx.state.workbookName;
    throw new Error(`Fake workbook has no property ${prop}`);
  }

  get name(): string {
    return this.read("name");
  }

  insertWorksheetsFromBase64(base64: string, options?: unknown): { value: string[] } {
    const result: { ids?: string[] } = {};
    this.ctx.enqueue(() => {
      const bytes = new Uint8Array(Buffer.from(base64, "base64"));
      const book = XLSX.read(bytes, { type: "array" });
      const names = book.SheetNames;
      // Check all names first: a failed insert changes nothing.
      if (this.ctx.state.insertConflict === "reject" && names.some((n) => this.ctx.state.sheet(n)))
        throw new FakeError("InvalidArgument", "Sheet name taken");
      // The cells' values come along (as Excel copies them); charts do not.
      result.ids = names.map((n) => {
        const sheet = this.ctx.state.createSheetFromInsert(n);
        for (const [address, cell] of Object.entries(book.Sheets[n] ?? {}))
          if (!address.startsWith("!")) sheet.cells.set(address, { value: (cell as XLSX.CellObject).v });
        return sheet.id;
      });
      this.ctx.state.log.push({ op: "insertWorksheetsFromBase64", base64, options, names });
    });
    return {
      get value(): string[] {
        if (!result.ids) throw new FakeError("PropertyNotLoaded", "ClientResult read before sync");
        return result.ids;
      },
    };
  }
}

class NamedItemCollectionProxy extends ProxyBase {
  private itemList?: NamedItemProxy[];

  protected fetch(): unknown {
    return null;
  }

  override load(props?: string | string[]): this {
    const list = propsOf(props);
    this.ctx.enqueue(() => {
      this.itemList = this.ctx.state.names.map((n) => {
        const item = new NamedItemProxy(this.ctx, n.name);
        const all: Record<string, unknown> = {
          name: n.name,
          type:
            "ref" in n
              ? this.ctx.state.sheet(parseAddress(n.ref)?.sheet ?? "")
                ? "Range"
                : "Error"
              : typeof n.constant === "number"
                ? "Double"
                : typeof n.constant === "boolean"
                  ? "Boolean"
                  : "String",
          value: "ref" in n ? n.ref.replace(/^=/, "") : n.constant,
        };
        return item.preload(Object.fromEntries(list.map((p) => [p, all[p]])));
      });
    });
    return this;
  }

  get items(): NamedItemProxy[] {
    if (!this.itemList) throw new FakeError("PropertyNotLoaded", "names.items not loaded");
    return this.itemList;
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, name);
  }
}

class NamedItemProxy extends ProxyBase {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx);
  }

  private def(): NameDef {
    const d = this.ctx.state.names.find((n) => n.name.toLowerCase() === this.key.toLowerCase());
    if (!d) throw new FakeError("ItemNotFound", `Name not found: ${this.key}`);
    return d;
  }

  protected fetch(prop: string): unknown {
    const d = this.def();
    if (prop === "name") return d.name;
    if (prop === "value") return "ref" in d ? d.ref : d.constant;
    throw new Error(`Fake name has no property ${prop}`);
  }

  get name(): string {
    return this.read("name");
  }
  get type(): string {
    return this.read("type");
  }
  get value(): unknown {
    return this.read("value");
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const d = this.def();
      const target = "ref" in d ? parseAddress(d.ref) : undefined;
      if (!target) throw new FakeError("InvalidArgument", `Name ${d.name} is not a range`);
      return { sheet: this.ctx.state.sheetOrThrow(target.sheet), address: target.cell };
    });
  }
}

class WorksheetCollectionProxy extends ProxyBase {
  private itemList?: WorksheetProxy[];

  protected fetch(): unknown {
    return null;
  }

  override load(props?: string | string[]): this {
    const list = propsOf(props);
    this.ctx.enqueue(() => {
      this.itemList = this.ctx.state.sheets.map((s) =>
        new WorksheetProxy(this.ctx, () => s).preload(
          Object.fromEntries(list.map((p) => [p, p === "id" ? s.id : s.name])),
        ),
      );
    });
    return this;
  }

  get items(): WorksheetProxy[] {
    if (!this.itemList) throw new FakeError("PropertyNotLoaded", "worksheets.items not loaded");
    return this.itemList;
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.state.sheetOrThrow(key));
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const { activeSheet, sheets } = this.ctx.state;
      const sheet = activeSheet === undefined ? sheets[0] : this.ctx.state.sheet(activeSheet);
      if (!sheet) throw new FakeError("ItemNotFound", "No active worksheet");
      return sheet;
    });
  }

  add(name: string): WorksheetProxy {
    let created: FakeSheet | undefined;
    this.ctx.enqueue(() => {
      if (this.ctx.state.sheet(name))
        throw new FakeError("ItemAlreadyExists", `A sheet named ${name} exists`);
      created = this.ctx.state.addSheet({ name });
      this.ctx.state.log.push({ op: "addSheet", sheet: name });
    });
    return new WorksheetProxy(this.ctx, () => created ?? this.ctx.state.sheetOrThrow(name));
  }
}

class WorksheetProxy extends ProxyBase {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => FakeSheet,
  ) {
    super(ctx);
  }

  protected fetch(prop: string): unknown {
    const s = this.resolve();
    if (prop === "name") return s.name;
    if (prop === "id") return s.id;
    throw new Error(`Fake worksheet has no property ${prop}`);
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      const other = this.ctx.state.sheet(value);
      if (other && other !== s) throw new FakeError("ItemAlreadyExists", `A sheet named ${value} exists`);
      s.name = value;
      this.ctx.state.log.push({ op: "rename", sheet: value });
    });
  }
  get id(): string {
    return this.read("id");
  }

  activate() {
    this.ctx.enqueue(() => this.ctx.state.log.push({ op: "activate", sheet: this.resolve().name }));
  }

  get freezePanes() {
    return {
      freezeAt: (range: RangeProxy) =>
        this.ctx.enqueue(() =>
          this.ctx.state.log.push({
            op: "freeze",
            sheet: this.resolve().name,
            address: range.targetAddress(),
          }),
        ),
    };
  }

  getRange(address: string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.resolve();
      if (!decodeRange(address)) throw new FakeError("InvalidArgument", `Bad address ${address}`);
      return { sheet, address: address.replace(/\$/g, "").toUpperCase() };
    });
  }

  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.ctx, this.resolve);
  }

  getUsedRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.resolve();
      const positions = [...sheet.cells.keys()].map((a) => decodeRange(a)!.start);
      if (positions.length === 0) return { sheet, address: "A1" };
      const top = {
        row: Math.min(...positions.map((p) => p.row)),
        col: Math.min(...positions.map((p) => p.col)),
      };
      const bottom = {
        row: Math.max(...positions.map((p) => p.row)),
        col: Math.max(...positions.map((p) => p.col)),
      };
      return { sheet, address: `${encodeCell(top)}:${encodeCell(bottom)}` };
    });
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  address: string;
}

/** charts.add over a range, and a chart's properties: each write queued until sync, like Office.js. */
class ChartCollectionProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => FakeSheet,
  ) {}

  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    let chart: FakeChart | undefined;
    this.ctx.enqueue(() => {
      const sheet = this.resolve();
      const target = source.target();
      chart = { type, dataSheet: target.sheet.name, source: target.address, seriesBy };
      sheet.charts.push(chart);
      this.ctx.state.log.push({ op: "addChart", sheet: sheet.name });
    });
    return new ChartProxy(this.ctx, () => {
      if (!chart) throw new FakeError("GeneralException", "chart used before it was added");
      return chart;
    });
  }
}

class ChartProxy {
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly axes: { valueAxis: { numberFormat: string } };

  constructor(
    private readonly ctx: FakeContext,
    private readonly chart: () => FakeChart,
  ) {
    const setter = (apply: (c: FakeChart, v: string) => void) => ({
      set: (v: string) => ctx.enqueue(() => apply(this.chart(), v)),
      get: () => {
        throw new FakeError("PropertyNotLoaded", "chart property not loaded");
      },
    });
    this.title = Object.defineProperty(
      {} as { text: string },
      "text",
      setter((c, v) => (c.title = v)),
    );
    this.legend = Object.defineProperty(
      {} as { position: string },
      "position",
      setter((c, v) => (c.legendPosition = v)),
    );
    this.axes = {
      valueAxis: Object.defineProperty(
        {} as { numberFormat: string },
        "numberFormat",
        setter((c, v) => (c.valueAxisNumberFormat = v)),
      ),
    };
  }

  set name(v: string) {
    this.ctx.enqueue(() => (this.chart().name = v));
  }
  set displayBlanksAs(v: string) {
    this.ctx.enqueue(() => (this.chart().displayBlanksAs = v));
  }

  setPosition(from: string, to?: string) {
    this.ctx.enqueue(() => (this.chart().position = { from, to }));
  }
}

function grid<T>(target: RangeTarget, f: (cell: FakeCell | undefined, address: string) => T): T[][] {
  const range = decodeRange(target.address)!;
  const out: T[][] = [];
  for (let row = range.start.row; row <= range.end.row; row++) {
    const line: T[] = [];
    for (let col = range.start.col; col <= range.end.col; col++) {
      const address = encodeCell({ row, col });
      line.push(f(target.sheet.cells.get(address), address));
    }
    out.push(line);
  }
  return out;
}

class RangeProxy extends ProxyBase {
  readonly format: {
    fill: RangeFillProxy;
    font: Record<string, unknown>;
    wrapText?: boolean;
    columnWidth?: number;
  };
  readonly conditionalFormats: { add(type: string): unknown };

  constructor(
    ctx: FakeContext,
    private readonly resolve: () => RangeTarget,
  ) {
    super(ctx);
    // Format properties are write-only here: each set is logged at sync, with the range it applies to.
    const logged = (prop: string) => ({
      set: (value: unknown) =>
        ctx.enqueue(() => {
          const t = resolve();
          ctx.state.log.push({ op: "format", sheet: t.sheet.name, address: t.address, prop, value });
        }),
      enumerable: true,
    });
    const font = Object.defineProperties(
      {},
      { bold: logged("font.bold"), size: logged("font.size"), color: logged("font.color") },
    );
    this.format = Object.defineProperties(
      { fill: new RangeFillProxy(ctx, resolve), font },
      { wrapText: logged("wrapText"), columnWidth: logged("columnWidth") },
    ) as RangeProxy["format"];
    this.conditionalFormats = {
      add: (type: string) => {
        if (type !== "Custom") throw new Error(`Fake conditional format supports Custom only, not ${type}`);
        const entry: { formula?: string; fill?: string; font?: string } = {};
        ctx.enqueue(() => {
          const t = resolve();
          ctx.state.log.push({
            op: "conditionalFormat",
            sheet: t.sheet.name,
            address: t.address,
            formula: entry.formula ?? "",
            ...(entry.fill ? { fill: entry.fill } : {}),
            ...(entry.font ? { font: entry.font } : {}),
          });
        });
        return {
          custom: {
            rule: {
              set formula(f: string) {
                entry.formula = f;
              },
            },
            format: {
              fill: {
                set color(c: string) {
                  entry.fill = c;
                },
              },
              font: {
                set color(c: string) {
                  entry.font = c;
                },
              },
            },
          },
        };
      },
    };
  }

  /** The range's address as resolved now (for logging a range passed as an argument). */
  targetAddress(): string {
    return this.resolve().address;
  }

  /** Where the range is, resolved at sync (for charts.add; not part of Office.js). */
  target(): RangeTarget {
    return this.resolve();
  }

  protected fetch(prop: string): unknown {
    const t = this.resolve();
    switch (prop) {
      case "address":
        return `${quoteSheet(t.sheet.name)}!${t.address}`;
      case "values":
        return grid(t, (c) =>
          c === undefined || c.value === undefined || c.value === null
            ? ""
            : isErrorSpec(c.value)
              ? c.value.error
              : c.value,
        );
      case "numberFormat":
        return grid(t, (c) => c?.numberFormat ?? "General");
      case "valueTypes":
        return grid(t, (c) => {
          const v = c?.value;
          if (v === undefined || v === null || v === "") return "Empty";
          if (isErrorSpec(v)) return "Error";
          return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
        });
      default:
        throw new Error(`Fake range has no property ${prop}`);
    }
  }

  get address(): string {
    return this.read("address");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }

  private write(op: "values" | "formulas" | "numberFormat", data: unknown[][]) {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      const range = decodeRange(t.address)!;
      const rows = range.end.row - range.start.row + 1;
      const cols = range.end.col - range.start.col + 1;
      if (data.length !== rows || data.some((r) => r.length !== cols))
        throw new FakeError("InvalidArgument", `${op}: ${data.length} rows for ${t.address}`);
      data.forEach((line, r) =>
        line.forEach((v, c) => {
          const address = encodeCell({ row: range.start.row + r, col: range.start.col + c });
          const cell = t.sheet.cells.get(address) ?? {};
          if (op === "numberFormat") cell.numberFormat = String(v);
          else cell.value = v === "" ? undefined : v;
          t.sheet.cells.set(address, cell);
        }),
      );
      this.ctx.state.log.push({ op, sheet: t.sheet.name, address: t.address, data });
    });
  }

  set values(data: unknown[][]) {
    this.write("values", data);
  }
  set formulas(data: unknown[][]) {
    this.write("formulas", data);
  }
  set numberFormat(data: unknown[][]) {
    this.write("numberFormat", data);
  }

  select() {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      this.ctx.state.log.push({ op: "select", sheet: t.sheet.name, address: t.address });
    });
  }
}

class RangeFillProxy extends ProxyBase {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => RangeTarget,
  ) {
    super(ctx);
  }

  private fills(): (string | null)[] {
    const t = this.resolve();
    return cellsOf(t.address).map((a) => t.sheet.cells.get(a)?.fill ?? null);
  }

  protected fetch(prop: string): unknown {
    const fills = this.fills();
    const same = fills.every((f) => f === fills[0]);
    // Like Excel: white for "no fill", null when the cells differ.
    if (prop === "color") return same ? (fills[0] ?? "#FFFFFF") : null;
    if (prop === "pattern") return same ? (fills[0] === null ? "None" : "Solid") : null;
    throw new Error(`Fake fill has no property ${prop}`);
  }

  get color(): string {
    return this.read("color");
  }
  set color(color: string) {
    this.setFill(color);
  }
  get pattern(): string {
    return this.read("pattern");
  }

  clear() {
    this.setFill(null);
  }

  private setFill(color: string | null) {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      for (const a of cellsOf(t.address)) {
        const cell = t.sheet.cells.get(a) ?? {};
        cell.fill = color;
        t.sheet.cells.set(a, cell);
      }
      this.ctx.state.log.push({ op: "fill", sheet: t.sheet.name, cell: t.address, color });
    });
  }
}
