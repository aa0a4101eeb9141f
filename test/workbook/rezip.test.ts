/**
 * rezip: unchanged entries keep their compressed bytes, changed and new ones are deflated with
 * the right CRC and sizes, and the result is a zip that unzip -t, fflate and our reader accept.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { strToU8, unzipSync, zipSync, Zip, ZipDeflate } from "fflate";
import { rezip } from "../../src/workbook/rezip";
import { listEntries, ZipPackage } from "../../src/workbook/zip";
import { must } from "./xmlTree";

const big = strToU8("<row>".repeat(50000));
const original = zipSync({
  "[Content_Types].xml": strToU8("<Types/>"),
  "xl/big.xml": big,
  "a.txt": strToU8("a"),
});

/** A zip whose entries carry data descriptors (sizes after the data), as streaming writers make them. */
function streamed(): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, data] of [
    ["x.xml", strToU8("<x/>")],
    ["big.xml", big],
  ] as const) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(data, true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function unzipTest(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "rezip-"));
  writeFileSync(join(dir, "t.zip"), bytes);
  return execFileSync("unzip", ["-t", join(dir, "t.zip")]).toString();
}

describe("rezip", () => {
  it("replaces and adds entries and copies the others compressed, byte for byte", () => {
    const out = must(
      rezip(
        original,
        new Map([
          ["a.txt", strToU8("b")],
          ["new/c.xml", strToU8("<c/>")],
        ]),
      ),
    );
    const files = unzipSync(out);
    expect(Object.keys(files)).toEqual(["[Content_Types].xml", "xl/big.xml", "a.txt", "new/c.xml"]);
    expect(files["a.txt"]).toEqual(strToU8("b"));
    expect(files["xl/big.xml"]).toEqual(big);
    const size = (zip: Uint8Array, name: string) =>
      listEntries(zip, "t").find((e) => e.name === name)?.compressedSize;
    expect(size(out, "xl/big.xml")).toBe(size(original, "xl/big.xml"));
    expect(new ZipPackage(out, "t.zip").text("new/c.xml")).toBe("<c/>");
    expect(unzipTest(out)).toContain("No errors detected");
    // The CRC written for a new entry is the real one (unzip -t checks it; so does this).
    const view = new DataView(out.buffer, out.byteOffset);
    const entry = must(listEntries(out, "t").find((e) => e.name === "new/c.xml"));
    expect(view.getUint32(entry.localOffset + 14, true)).toBe(crc32(strToU8("<c/>")));
  });

  it("copies entries written with data descriptors, and leaves the input alone", () => {
    const input = streamed();
    const before = input.slice();
    const out = must(rezip(input, new Map([["x.xml", strToU8("<y/>")]])));
    expect(input).toEqual(before);
    expect(unzipSync(out)["big.xml"]).toEqual(big);
    expect(unzipTest(out)).toContain("No errors detected");
  });

  it("declines what it cannot copy, so the caller zips the plain way", () => {
    expect(rezip(strToU8("not a zip"), new Map())).toBeUndefined();
  });
});
