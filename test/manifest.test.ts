/**
 * The add-in manifest, read with Microsoft's own reader (office-addin-manifest, offline) and
 * checked for what Office and the store insist on: a GUID id, a four-part version in step with
 * package.json, https everywhere, icons that exist at the size they claim, Swedish texts and
 * the lowest ExcelApi set the pane needs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { OfficeAddinManifest, type ManifestInfo } from "office-addin-manifest";

// Two of the reader's dependencies are ES modules that Jest's CommonJS runtime cannot load; the XML
// path never calls them (uuid makes new ids, app-manifest handles JSON manifests), so they are stubbed.
// They are mocked where the reader resolves them (its own node_modules may hold its own copies).
jest.mock(require.resolve("uuid", { paths: [require.resolve("office-addin-manifest")] }), () => ({
  v4: () => "00000000-0000-4000-8000-000000000000",
}));
jest.mock(
  require.resolve("@microsoft/app-manifest", { paths: [require.resolve("office-addin-manifest")] }),
  () => ({}),
);

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const xml = fs.readFileSync(MANIFEST, "utf8");
const packageVersion: string = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every URL in an attribute or element of the manifest (the namespaces are names, not addresses). */
function urls(): string[] {
  const withoutNamespaces = xml.replace(/xmlns(:\w+)?="[^"]*"/g, "");
  return [...withoutNamespaces.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^"<\s]+/gi)].map((m) => m[0]);
}

describe("manifest.xml", () => {
  let info: ManifestInfo;

  beforeAll(async () => {
    info = await OfficeAddinManifest.readManifestFile(MANIFEST);
  });

  test("är ett uppgiftsfönstertillägg för Excel med ett GUID som id", () => {
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  test("versionen följer package.json", () => {
    expect(info.version).toBe(`${packageVersion}.0`);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("svenska: standardspråk sv-SE, namn och beskrivning", () => {
    expect(info.defaultLocale).toBe("sv-SE");
    expect(info.displayName).toBe("Uppföljning");
    expect(info.description).toMatch(/mallar/);
    expect(info.description!.length).toBeLessThanOrEqual(250);
    for (const [, text] of xml.matchAll(/<bt:String id="[^"]+" DefaultValue="([^"]+)"/g))
      expect(text).toMatch(/[åäöÅÄÖ]|Uppföljning/);
  });

  test("minsta behörighet som räcker: läsa och skriva arbetsboken", () => {
    expect(info.permissions).toBe("ReadWriteDocument");
  });

  test("kräver bara ExcelApi 1.1; nyare funktioner kontrolleras när de används", () => {
    const requirements = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml)?.[1] ?? "";
    const sets = [...requirements.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\s*\/>/g)].map((m) => ({
      name: m[1],
      minVersion: m[2],
    }));
    expect(sets).toEqual([{ name: "ExcelApi", minVersion: "1.1" }]);
  });

  test("aktivitetsfönstret och kommandona ligger på dev-servern", () => {
    expect(info.defaultSettings?.sourceLocation).toBe("https://localhost:3000/taskpane.html");
    expect(xml).toContain('DefaultValue="https://localhost:3000/commands.html"');
    expect(xml).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">/);
  });

  test("varje adress är https", () => {
    const all = urls();
    expect(all.length).toBeGreaterThan(5);
    expect(all.filter((u) => !u.startsWith("https://"))).toEqual([]);
  });

  test("varje ikon finns i assets/ och har den storlek den anges ha", () => {
    const icons = urls().filter((u) => u.endsWith(".png"));
    expect(icons.length).toBeGreaterThan(0);
    for (const url of icons) {
      const name = new URL(url).pathname;
      expect(name).toMatch(/^\/assets\/icon-\d+\.png$/);
      const size = Number(/icon-(\d+)\.png$/.exec(name)![1]);
      expect({ url, ...pngSize(path.join(ROOT, name)) }).toEqual({ url, width: size, height: size });
    }
    // The ribbon's images say their size in the manifest too.
    for (const [, size, id] of xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)) {
      const url = new RegExp(`<bt:Image id="${id!.replace(".", "\\.")}" DefaultValue="([^"]+)"`).exec(
        xml,
      )![1]!;
      expect(url).toMatch(new RegExp(`icon-${size}\\.png$`));
    }
    // IconUrl is 32 px and HighResolutionIconUrl 64 px; the store listing uses the 128 px icon.
    expect(info.iconUrl).toMatch(/icon-32\.png$/);
    expect(info.highResolutionIconUrl).toMatch(/icon-64\.png$/);
    expect(pngSize(path.join(ROOT, "assets", "icon-128.png"))).toEqual({ width: 128, height: 128 });
  });
});
