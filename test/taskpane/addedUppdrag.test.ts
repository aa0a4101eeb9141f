/**
 * An uppdrag file the controller picks in the pane joins the bundled catalog for the session;
 * a broken one, or one whose id is taken, is refused naming the file and field, and the catalog
 * stays as it was. Picking a corrected file again replaces the earlier version.
 */
import { readTemplateSources } from "../../src/cli/templateFiles";
import { addUppdragFiles, addedPath } from "../../src/taskpane/addedUppdrag";

const builtIn = readTemplateSources();
const psykText = builtIn.find((s) => s.path.endsWith("psykiatrisk-hemsjukvard.json"))!.text;
const own = (id: string, edit: (u: Record<string, unknown>) => void = () => undefined) => {
  const u = JSON.parse(psykText) as Record<string, unknown>;
  Object.assign(u, { id, name: "Mobilt team" });
  edit(u);
  return { path: addedPath(`${id}.json`), text: JSON.stringify(u) };
};

it("adds the picked uppdrag to the built-in ones", () => {
  const result = addUppdragFiles(builtIn, [], [own("mobilt-team")]);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  expect(result.catalog.uppdrag.map((u) => u.id)).toContain("mobilt-team");
  expect(result.catalog.uppdrag.length).toBe(
    builtIn.filter((s) => !("fragment" in JSON.parse(s.text))).length + 1,
  );
});

it("refuses a broken file naming it and the field", () => {
  const broken = own("trasigt", (u) => ((u.measures as Record<string, unknown>[])[0]!.aggregate = "summa"));
  const result = addUppdragFiles(builtIn, [], [broken]);
  expect(result.ok).toBe(false);
  if (!result.ok)
    expect(result.errors.join("\n")).toMatch(/^egna uppdrag\/trasigt\.json: measures\[0\]\.aggregate: /m);
});

it("refuses an id a built-in uppdrag has", () => {
  const result = addUppdragFiles(builtIn, [], [own("psykiatrisk-hemsjukvard")]);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.errors.join("\n")).toContain("templates/psykiatrisk-hemsjukvard.json");
});

it("keeps what was added before, and a file picked again replaces its earlier version", () => {
  const first = addUppdragFiles(builtIn, [], [own("mobilt-team")]);
  if (!first.ok) throw new Error(first.errors.join("\n"));
  const second = addUppdragFiles(builtIn, first.added, [own("annat-team")]);
  if (!second.ok) throw new Error(second.errors.join("\n"));
  expect(second.catalog.uppdrag.map((u) => u.id)).toEqual(
    expect.arrayContaining(["mobilt-team", "annat-team"]),
  );
  const renamed = own("mobilt-team", (u) => (u.name = "Mobilt team, version 2"));
  const third = addUppdragFiles(builtIn, second.added, [renamed]);
  if (!third.ok) throw new Error(third.errors.join("\n"));
  expect(third.added.map((a) => a.path)).toEqual([
    addedPath("annat-team.json"),
    addedPath("mobilt-team.json"),
  ]);
  expect(third.catalog.uppdrag.find((u) => u.id === "mobilt-team")?.name).toBe("Mobilt team, version 2");
});
