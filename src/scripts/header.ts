/**
 * Reads the literal header exports of a revision file without importing it, so graph commands
 * (heads, history, current, branches) never run revision code. The exports must be literals:
 *
 *   export const revision = "3f2a9c1b7d4e";
 *   export const downRevision: string | string[] | null = "1a2b3c4d5e6f";
 *   export const branchLabels: string[] | null = null;
 *   export const dependsOn: string[] | null = null;
 */
import { ScriptError } from "../errors.js";
import type { Revision } from "../revisions/types.js";

type Literal = string | string[] | null;

const EXPORT_RE = /^export\s+const\s+(revision|downRevision|branchLabels|dependsOn)\s*(?::[^=]*)?=\s*/gm;

/** Parses a string literal ('…' or "…", with simple escapes) at `pos`; returns value and end. */
function parseString(text: string, pos: number): [string, number] | undefined {
  const quote = text[pos];
  if (quote !== '"' && quote !== "'") return undefined;
  let out = "";
  for (let i = pos + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\") {
      out += text[++i] ?? "";
    } else if (ch === quote) {
      return [out, i + 1];
    } else if (ch === "\n") {
      return undefined;
    } else {
      out += ch;
    }
  }
  return undefined;
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos] ?? "")) pos++;
  return pos;
}

/** Parses `null`, a string literal, or an array of string literals. */
function parseLiteral(text: string, pos: number): Literal | undefined {
  pos = skipSpace(text, pos);
  if (text.startsWith("null", pos)) return null;
  if (text[pos] === "[") {
    const items: string[] = [];
    pos = skipSpace(text, pos + 1);
    while (text[pos] !== "]") {
      const item = parseString(text, pos);
      if (!item) return undefined;
      items.push(item[0]);
      pos = skipSpace(text, item[1]);
      if (text[pos] === ",") pos = skipSpace(text, pos + 1);
      else if (text[pos] !== "]") return undefined;
    }
    return items;
  }
  const s = parseString(text, pos);
  return s ? s[0] : undefined;
}

/** First line of the leading doc comment: the revision message. */
function parseMessage(text: string): string {
  const m = /^\s*\/\*\*?\s*\n?\s*\*?\s*(.*)/.exec(text);
  const line = m?.[1]?.trim() ?? "";
  return line.startsWith("Revision ID:") || line.startsWith("*/") ? "" : line.replace(/\*\/$/, "").trim();
}

function toList(value: Literal | undefined): string[] {
  if (value === undefined || value === null) return [];
  return typeof value === "string" ? [value] : value;
}

/** Parses a revision file's text into a Revision; throws ScriptError naming the file and the problem. */
export function parseRevisionHeader(text: string, path: string): Revision {
  const found = new Map<string, Literal>();
  for (const match of text.matchAll(EXPORT_RE)) {
    const name = match[1] as string;
    const value = parseLiteral(text, (match.index ?? 0) + match[0].length);
    if (value === undefined) {
      throw new ScriptError(`${path}: the export "${name}" must be a literal (a string, an array of strings, or null).`, {
        hint: "Header exports are read without running the file; write them as plain literals.",
      });
    }
    if (found.has(name)) throw new ScriptError(`${path}: "${name}" is exported twice.`, { hint: "Keep one export of each header field." });
    found.set(name, value);
  }
  const id = found.get("revision");
  if (typeof id !== "string" || id.length === 0) {
    throw new ScriptError(`${path}: missing \`export const revision = "<id>"\`.`, {
      hint: "Every revision file needs revision and downRevision exports; create files with `migrate revision -m`.",
    });
  }
  if (!found.has("downRevision")) {
    throw new ScriptError(`${path}: missing \`export const downRevision = …\` (use null for a base revision).`, {
      hint: "Add the parent revision id, an array of ids for a merge, or null.",
    });
  }
  const createDate = /^\s*\*?\s*Create Date:\s*(.+)$/m.exec(text)?.[1]?.trim();
  return {
    id,
    downRevisions: toList(found.get("downRevision")),
    branchLabels: toList(found.get("branchLabels")),
    dependsOn: toList(found.get("dependsOn")),
    message: parseMessage(text),
    path,
    ...(createDate ? { createDate } : {}),
  };
}
