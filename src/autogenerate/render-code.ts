/**
 * A tiny code model and pretty printer for the TypeScript that render and pull write. Renderers
 * build `Code` trees (calls, method chains, object and array literals, callbacks); the printer
 * keeps a construct on one line when it fits the line width and otherwise breaks it over several
 * lines with two-space indentation, so generated files read like hand-written ones.
 */

/** One piece of generated code. */
export type Code =
  /** Atomic text that is never broken (literals, identifiers). */
  | { readonly kind: "text"; readonly text: string }
  /** `callee(arg, …)`. */
  | { readonly kind: "call"; readonly callee: string; readonly args: readonly Code[] }
  /** `head.name(args).name(args)…`. */
  | { readonly kind: "chain"; readonly head: Code; readonly links: readonly ChainLink[] }
  /** `{ key: value, … }`; keys are already valid property-name source text. */
  | { readonly kind: "object"; readonly entries: readonly ObjectEntry[] }
  /** `[item, …]`. */
  | { readonly kind: "array"; readonly items: readonly Code[] }
  /** `(params) => { statements }`: printed as a block over several lines unless it is empty. */
  | { readonly kind: "arrow"; readonly params: string; readonly body: readonly Statement[] };

/** One method call of a chain. */
export interface ChainLink {
  readonly name: string;
  readonly args: readonly Code[];
}

/** One property of an object literal. */
export interface ObjectEntry {
  readonly key: string;
  readonly value: Code;
}

/** A statement: comment lines, then `prefix` + code + `suffix` (e.g. `await ` … `;`). */
export interface Statement {
  readonly comments?: readonly string[];
  readonly prefix: string;
  readonly code: Code;
  readonly suffix: string;
}

/** The width generated lines aim to stay within. */
export const LINE_WIDTH = 100;
const STEP = "  ";

/** Atomic text. */
export const text = (value: string): Code => ({ kind: "text", text: value });
/** A call. */
export const call = (callee: string, args: readonly Code[]): Code => ({ kind: "call", callee, args });
/** A method chain; with no links it is just its head, and a chain on a chain is one chain. */
export function chain(head: Code, links: readonly ChainLink[]): Code {
  if (links.length === 0) return head;
  return head.kind === "chain" ? { kind: "chain", head: head.head, links: [...head.links, ...links] } : { kind: "chain", head, links };
}
/** An object literal. */
export const object = (entries: readonly ObjectEntry[]): Code => ({ kind: "object", entries });
/** An array literal. */
export const array = (items: readonly Code[]): Code => ({ kind: "array", items });
/** A block-bodied arrow function. */
export const arrow = (params: string, body: readonly Statement[]): Code => ({ kind: "arrow", params, body });

const isBreakable = (code: Code): boolean => code.kind === "object" || code.kind === "array" || code.kind === "arrow";

/** The one-line form of `code`, or null when it cannot be written on one line (callbacks). */
export function flat(code: Code): string | null {
  switch (code.kind) {
    case "text":
      return code.text;
    case "call": {
      const args = flatList(code.args);
      return args === null ? null : `${code.callee}(${args})`;
    }
    case "chain": {
      const head = flat(code.head);
      if (head === null) return null;
      let out = head;
      for (const link of code.links) {
        const args = flatList(link.args);
        if (args === null) return null;
        out += `.${link.name}(${args})`;
      }
      return out;
    }
    case "object": {
      if (code.entries.length === 0) return "{}";
      const parts: string[] = [];
      for (const entry of code.entries) {
        const value = flat(entry.value);
        if (value === null) return null;
        parts.push(`${entry.key}: ${value}`);
      }
      return `{ ${parts.join(", ")} }`;
    }
    case "array": {
      const items = flatList(code.items);
      return items === null ? null : `[${items}]`;
    }
    case "arrow":
      return code.body.length === 0 ? `${code.params} => {}` : null;
  }
}

function flatList(items: readonly Code[]): string | null {
  const parts: string[] = [];
  for (const item of items) {
    const part = flat(item);
    if (part === null) return null;
    parts.push(part);
  }
  return parts.join(", ");
}

/**
 * Prints `code` whose first line starts at `column` (the text before it on that line is already
 * written) and is followed by `trailing` characters; continuation lines use `indent`.
 */
export function print(code: Code, indent: string, column: number, trailing: number): string {
  const one = flat(code);
  if (one !== null && column + one.length + trailing <= LINE_WIDTH) return one;
  switch (code.kind) {
    case "text":
      return code.text;
    case "call":
      return printCall(code.callee, code.args, indent, column, trailing);
    case "chain":
      return printChain(code, indent, column);
    case "object":
      return printBlock("{", "}", code.entries.map((e) => ({ lead: `${e.key}: `, code: e.value })), indent);
    case "array":
      return printBlock("[", "]", code.items.map((item) => ({ lead: "", code: item })), indent);
    case "arrow":
      return `${code.params} => {\n${printStatements(code.body, indent + STEP)}\n${indent}}`;
  }
}

function printBlock(open: string, close: string, items: { lead: string; code: Code }[], indent: string): string {
  if (items.length === 0) return open + close;
  const inner = indent + STEP;
  const lines = items.map((item) => `${inner}${item.lead}${print(item.code, inner, inner.length + item.lead.length, 1)},`);
  return `${open}\n${lines.join("\n")}\n${indent}${close}`;
}

/**
 * A call that does not fit: when only its last argument is an object, array or callback and the
 * others fit on the first line, that argument is "hugged" (`f("a", {` … `})`); otherwise every
 * argument goes on its own line.
 */
function printCall(callee: string, args: readonly Code[], indent: string, column: number, trailing: number): string {
  const last = args[args.length - 1];
  const leading = args.slice(0, -1);
  if (last && isBreakable(last) && !leading.some(isBreakable)) {
    const head = flatList(leading);
    if (head !== null) {
      const opening = `${callee}(${head}${leading.length ? ", " : ""}`;
      if (column + opening.length + 1 <= LINE_WIDTH) return `${opening}${print(last, indent, column + opening.length, trailing + 1)})`;
    }
  }
  return `${callee}${printBlock("(", ")", args.map((arg) => ({ lead: "", code: arg })), indent)}`;
}

function printChain(code: Extract<Code, { kind: "chain" }>, indent: string, column: number): string {
  const inner = indent + STEP;
  let out = print(code.head, indent, column, 0);
  for (const link of code.links) {
    const opening = `.${link.name}`;
    out += `\n${inner}${opening}${print(call("", link.args), inner, inner.length + opening.length, 0)}`;
  }
  return out;
}

/** Comment lines: `//` plus the text, with line breaks inside the text turned into further comment lines. */
export function commentLines(textValue: string): string[] {
  return textValue.split(/\r\n|[\r\n\u2028\u2029]/).map((line) => (line ? `// ${line}` : "//"));
}

/** Statements, one after another, each starting with `indent`; multi-line statements are set apart by blank lines. */
export function printStatements(statements: readonly Statement[], indent: string): string {
  const blocks = statements.map((s) => {
    const comments = (s.comments ?? []).map((c) => `${indent}${c}\n`).join("");
    const body = print(s.code, indent, indent.length + s.prefix.length, s.suffix.length);
    return { text: `${comments}${indent}${s.prefix}${body}${s.suffix}`, multiLine: body.includes("\n") };
  });
  return blocks
    .map((block, i) => {
      const previous = blocks[i - 1];
      return previous && (previous.multiLine || block.multiLine) ? `\n${block.text}` : block.text;
    })
    .join("\n");
}
