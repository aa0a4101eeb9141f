/**
 * A strict XML parser for tests (saxes, which exceljs itself parses with): throws on anything
 * not well-formed or with an unbound namespace prefix, and gives a small tree to query.
 */
import { SaxesParser } from "saxes";

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlNode = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlNode[] = [root];
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [k, a] of Object.entries(tag.attributes)) attributes[k] = typeof a === "string" ? a : a.value;
    const node: XmlNode = { name: tag.name, attributes, children: [], text: "" };
    stack[stack.length - 1]?.children.push(node);
    stack.push(node);
  });
  parser.on("text", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  const first = root.children[0];
  if (!first) throw new Error("no root element");
  return first;
}

/** Every descendant (depth first, document order) with this qualified name. */
export function all(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

export function one(node: XmlNode, name: string): XmlNode {
  const found = all(node, name)[0];
  if (!found) throw new Error(`<${name}> missing under <${node.name}>`);
  return found;
}

/** The cached points of a c:strCache / c:numCache / literal: index → text, and the declared count. */
export function points(cache: XmlNode): { count: number; values: Map<number, string> } {
  const count = Number(one(cache, "c:ptCount").attributes.val);
  const values = new Map(
    cache.children
      .filter((c) => c.name === "c:pt")
      .map((p) => [Number(p.attributes.idx), one(p, "c:v").text]),
  );
  return { count, values };
}
