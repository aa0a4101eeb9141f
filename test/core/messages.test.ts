import * as fs from "node:fs";
import * as path from "node:path";
import { MESSAGES, formatProblem, isKnownCode, problemText } from "../../src/core/messages/sv";

/** Every problem code written anywhere in src/, found by the shapes problems are created with. */
function codesInSource(): Set<string> {
  const codes = new Set<string>();
  const patterns = [
    /code: "(\w+)"/g,
    /reason: "(\w+)"/g,
    /problem\(measure, "(\w+)"/g,
    /measureProblem\(measure, report, (?:min === 0 \? "(\w+)" : "(\w+)"|"(\w+)")/g,
    /ctx\.problem\(rule, "(\w+)"/g,
    /\? "(\w+)" : "(\w+)", "fel"/g,
    /reject\(r, "(\w+)"/g,
    /fileProblem\("(\w+)"/g,
  ];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(e.name)) {
        const text = fs.readFileSync(full, "utf8");
        for (const re of patterns) for (const m of text.matchAll(re)) for (const g of m.slice(1)) if (g) codes.add(g);
      }
    }
  };
  walk(path.join(__dirname, "..", "..", "src"));
  return codes;
}

describe("Swedish messages", () => {
  const codes = codesInSource();

  it("finds the problem codes in the source", () => {
    expect(codes.size).toBeGreaterThan(20);
  });

  it("has a message for every problem code the code can produce", () => {
    expect([...codes].filter((c) => !isKnownCode(c))).toEqual([]);
  });

  it("fills every placeholder of every message", () => {
    for (const code of Object.keys(MESSAGES)) {
      const params = new Proxy({}, { get: (_t, k) => `«${String(k)}»`, ownKeys: () => [], getOwnPropertyDescriptor: () => undefined });
      const text = (MESSAGES as unknown as Record<string, (p: Record<string, string>) => string>)[code]!(params as Record<string, string>);
      expect(text).not.toMatch(/undefined|\$\{/);
      expect(text.length).toBeGreaterThan(10);
    }
  });

  it("writes numbers the Swedish way", () => {
    expect(problemText({ code: "unusuallyHigh", severity: "varning", params: { measure: "Väntetid", value: 1234.5, unit: "dagar", limit: 30 } })).toBe(
      "1 234,5 dagar är ovanligt högt (över 30). Kontrollera att värdet stämmer.",
    );
  });

  it("says where: file, sheet, cell and measure", () => {
    const line = formatProblem({ code: "negative", severity: "fel", location: { file: "a.xlsx", sheet: "Blad", cell: "C5" }, params: { measure: "Nya patienter", value: -2, min: 0, unit: "st" } }, "Nya patienter");
    expect(line).toBe("Fel: a.xlsx, blad Blad, cell C5 (Nya patienter): -2 är negativt. Värdet kan inte vara mindre än 0.");
  });

  it("names the measure without a stray space when the place is unknown", () => {
    const line = formatProblem({ code: "negative", severity: "fel", params: { measure: "Nya patienter", value: -2, min: 0, unit: "st" } }, "Nya patienter");
    expect(line).toBe("Fel: (Nya patienter): -2 är negativt. Värdet kan inte vara mindre än 0.");
  });
});
