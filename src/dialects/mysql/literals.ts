/**
 * Reading MySQL string literals back out of information_schema text: MariaDB's COLUMN_DEFAULT
 * (`'it''s'`, `'a\\b'`) and enum lists in COLUMN_TYPE (`enum('a','b''c')`). Both quote-doubling
 * and backslash escapes occur, depending on how the value was written.
 */

const BACKSLASH_ESCAPES: Record<string, string> = {
  "0": "\0",
  n: "\n",
  r: "\r",
  t: "\t",
  b: "\b",
  Z: "\x1a",
  // \% and \_ keep their backslash in MySQL (they are LIKE escapes).
  "%": "\\%",
  _: "\\_",
};

/**
 * Reads one quoted literal starting at `start` (which must be a quote).
 * Returns the value and the offset just after the closing quote, or undefined when unterminated.
 */
export function readStringLiteral(text: string, start: number): { value: string; end: number } | undefined {
  const quote = text[start];
  if (quote !== "'" && quote !== '"') return undefined;
  let value = "";
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === "\\") {
      const next = text[i + 1];
      if (next === undefined) return undefined;
      value += BACKSLASH_ESCAPES[next] ?? next;
      i += 2;
    } else if (ch === quote) {
      if (text[i + 1] === quote) {
        value += quote;
        i += 2;
      } else {
        return { value, end: i + 1 };
      }
    } else {
      value += ch;
      i++;
    }
  }
  return undefined;
}

/** The value of `text` when it is exactly one quoted literal, else undefined. */
export function parseStringLiteral(text: string): string | undefined {
  const read = readStringLiteral(text, 0);
  return read && read.end === text.length ? read.value : undefined;
}

/** The values of a comma-separated list of quoted literals (`'a','b'`), or undefined if malformed. */
export function parseStringLiterals(text: string): string[] | undefined {
  const values: string[] = [];
  let i = 0;
  for (;;) {
    while (text[i] === " ") i++;
    const read = readStringLiteral(text, i);
    if (!read) return undefined;
    values.push(read.value);
    i = read.end;
    while (text[i] === " ") i++;
    if (i === text.length) return values;
    if (text[i] !== ",") return undefined;
    i++;
  }
}
