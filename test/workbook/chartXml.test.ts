import { chartSpaceXml, escapeXml, sheetRef, type ChartSpec } from "../../src/workbook/chartXml";
import { all, one, parseXml, points } from "./xmlTree";

const line: ChartSpec = {
  kind: "line",
  title: 'Väntetid till särskilt boende <dagar> & "median"',
  categories: ["2025-T1", "2025-T2", "2026-T1"],
  categoriesRef: sheetRef("Diagram", "B4", "D4"),
  series: [
    {
      name: "Nivå 2",
      nameRef: sheetRef("Diagram", "A5"),
      values: [42.5, undefined, 0],
      valuesRef: sheetRef("Diagram", "B5", "D5"),
    },
  ],
  numberFormat: "0.0",
  valueAxisTitle: "dagar",
};

describe("chartSpaceXml", () => {
  it("is well-formed DrawingML whose line series refers to the sheet and caches every value, a missing one as a gap", () => {
    const doc = parseXml(chartSpaceXml(line));
    expect(doc.name).toBe("c:chartSpace");
    expect(all(doc, "c:lineChart")).toHaveLength(1);
    const [ser] = all(doc, "c:ser");
    expect(ser).toBeDefined();
    if (!ser) return;
    expect(one(one(ser, "c:cat"), "c:f").text).toBe("'Diagram'!$B$4:$D$4");
    expect(one(one(ser, "c:val"), "c:f").text).toBe("'Diagram'!$B$5:$D$5");
    expect(one(one(ser, "c:tx"), "c:f").text).toBe("'Diagram'!$A$5");
    const cats = points(one(one(ser, "c:cat"), "c:strCache"));
    expect(cats).toEqual({
      count: 3,
      values: new Map([
        [0, "2025-T1"],
        [1, "2025-T2"],
        [2, "2026-T1"],
      ]),
    });
    const vals = points(one(ser, "c:numCache"));
    // The missing middle period is counted but has no point: a gap, while a real 0 stays 0.
    expect(vals).toEqual({
      count: 3,
      values: new Map([
        [0, "42.5"],
        [2, "0"],
      ]),
    });
    expect(one(one(ser, "c:numCache"), "c:formatCode").text).toBe("0.0");
    expect(one(doc, "c:dispBlanksAs").attributes.val).toBe("gap");
    // The title survives escaping intact.
    expect(all(one(doc, "c:title"), "a:t")[0]?.text).toBe(line.title);
    expect(all(doc, "a:t").map((t) => t.text)).toContain("dagar");
  });

  it("writes clustered columns with one series per period and literals when there are no sheet references", () => {
    const units = ["Hemtjänst Norr", "Hemtjänst Söder", "Åbo & Ängen"];
    const spec: ChartSpec = {
      kind: "bar",
      title: "Andel nöjda per enhet",
      categories: units,
      series: [
        { name: "2025-T1", values: [0.8, 0.75, undefined] },
        { name: "2026-T1", values: [0.82, Number.NaN, 0.9] },
      ],
      numberFormat: "0%",
    };
    const doc = parseXml(chartSpaceXml(spec));
    const bar = one(doc, "c:barChart");
    expect(one(bar, "c:barDir").attributes.val).toBe("col");
    expect(one(bar, "c:grouping").attributes.val).toBe("clustered");
    const series = all(doc, "c:ser");
    expect(series).toHaveLength(2);
    expect(all(doc, "c:f")).toHaveLength(0);
    series.forEach((ser, i) => {
      const s = spec.series[i];
      if (!s) throw new Error("series");
      expect(one(one(ser, "c:tx"), "c:v").text).toBe(s.name);
      expect(all(one(ser, "c:tx"), "c:strLit")).toHaveLength(0);
      expect([...points(one(one(ser, "c:cat"), "c:strLit")).values.values()]).toEqual(units);
      const cached = points(one(one(ser, "c:val"), "c:numLit"));
      expect(cached.count).toBe(units.length);
      const expected = new Map<number, string>();
      s.values.forEach((v, k) => v !== undefined && Number.isFinite(v) && expected.set(k, String(v)));
      expect(cached.values).toEqual(expected);
    });
    // Each series has its own colour.
    const colours = series.map((s) => one(one(s, "c:spPr"), "a:srgbClr").attributes.val);
    expect(new Set(colours).size).toBe(2);
  });

  it("pads values to the categories and ignores extra ones", () => {
    const doc = parseXml(
      chartSpaceXml({
        kind: "line",
        title: "t",
        categories: ["a", "b", "c"],
        series: [{ name: "s", values: [1] }],
      }),
    );
    expect(points(one(doc, "c:numLit"))).toEqual({ count: 3, values: new Map([[0, "1"]]) });
  });

  it("escapes markup and drops characters XML cannot carry", () => {
    expect(escapeXml(`a<b>&"c'\u0001`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
    expect(sheetRef("Kim's blad", "A1", "A1")).toBe("'Kim''s blad'!$A$1");
  });
});
