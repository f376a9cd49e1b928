/**
 * How long React alone takes to server-render a page's markup: the HTML in the file given is turned into a tree of
 * plain elements (no components, no hooks, no framework) and rendered with `renderToString` many times, React's
 * cheapest server render. A lower bound on what rendering that page with React costs, whatever surrounds it.
 * Run by `npm run bench:http` with NODE_ENV=production; prints one line of JSON: { ms, outputRatio }.
 */
import { readFileSync } from "node:fs";
import type { ChildNode } from "domhandler";
import { parseDocument } from "htmlparser2";
import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";

const REACT_NAMES: Record<string, string> = {
  class: "className",
  for: "htmlFor",
  tabindex: "tabIndex",
  crossorigin: "crossOrigin",
  autocomplete: "autoComplete",
  spellcheck: "spellCheck",
  novalidate: "noValidate",
  maxlength: "maxLength",
  inputmode: "inputMode",
  enctype: "encType",
  readonly: "readOnly",
  charset: "charSet",
  "http-equiv": "httpEquiv",
  colspan: "colSpan",
  rowspan: "rowSpan",
  srcset: "srcSet",
  referrerpolicy: "referrerPolicy",
  checked: "defaultChecked",
  value: "defaultValue",
};
const RAW_TEXT = new Set(["script", "style"]);

function styleObject(css: string): Record<string, string> {
  const style: Record<string, string> = {};
  for (const rule of css.split(";")) {
    const [name, ...rest] = rule.split(":");
    if (name?.trim() && rest.length) style[name.trim().replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = rest.join(":").trim();
  }
  return style;
}

function toReact(node: ChildNode, key: number): ReactNode {
  if (node.type === "text") return node.data;
  if (node.type !== "tag" && node.type !== "script" && node.type !== "style") return null;
  const props: Record<string, unknown> = { key };
  for (const [name, value] of Object.entries(node.attribs)) {
    if (name === "style") props.style = styleObject(value);
    else props[REACT_NAMES[name] ?? name] = value === "" && !name.startsWith("data-") && !name.startsWith("aria-") && name !== "value" ? true : value;
  }
  if (RAW_TEXT.has(node.name)) {
    props.dangerouslySetInnerHTML = { __html: node.children.map((c) => (c.type === "text" ? c.data : "")).join("") };
    return createElement(node.name, props);
  }
  return createElement(node.name, props, ...node.children.map(toReact));
}

const html = readFileSync(process.argv[2] ?? "", "utf8");
const root = parseDocument(html).children.find((n) => n.type === "tag");
if (!root) throw new Error("no element in the page");
const tree = toReact(root, 0);
const runs = Number(process.env.RENDER_RUNS ?? 3000);
let output = "";
for (let i = 0; i < 500; i++) output = renderToString(tree as never); // warm up
const started = process.hrtime.bigint();
for (let i = 0; i < runs; i++) output = renderToString(tree as never);
const ms = Number(process.hrtime.bigint() - started) / 1e6 / runs;
console.log(JSON.stringify({ ms, outputRatio: output.length / html.length }));
