/**
 * The one normalisation the SQLite oracle applies to `sqlite_schema.sql`: spellings SQLite itself
 * treats as the same token. Comments and whitespace are dropped; an identifier reads the same
 * bare, "double-quoted", [bracketed] or `backticked`; keywords and identifiers compare without
 * case (SQLite folds ASCII case for both — the exact case of every table, column and declared
 * type is still compared, through the pragmas). String literals, numbers and punctuation are kept
 * exactly.
 */
export function normalizeSqliteSql(sql: string): string {
  return sqliteTokens(sql).join(" ");
}

/** The tokens of `sql` as normalizeSqliteSql spells them (identifiers folded, words lower case). */
export function sqliteTokens(sql: string): string[] {
  const out: string[] = [];
  let i = 0;
  const word = (text: string) => {
    const lower = text.toLowerCase();
    out.push(/^[a-z_][a-z0-9_$]*$/.test(lower) ? lower : `"${lower.replace(/"/g, '""')}"`);
  };
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === "-" && sql[i + 1] === "-") { while (i < sql.length && sql[i] !== "\n") i++; continue; }
    if (c === "/" && sql[i + 1] === "*") { const end = sql.indexOf("*/", i + 2); i = end < 0 ? sql.length : end + 2; continue; }
    if (c === "'") {
      let j = i + 1;
      while (j < sql.length) { if (sql[j] === "'") { if (sql[j + 1] === "'") { j += 2; continue; } break; } j++; }
      out.push(sql.slice(i, j + 1)); i = j + 1; continue;
    }
    if (c === '"' || c === "`") {
      let j = i + 1; let text = "";
      while (j < sql.length) { if (sql[j] === c) { if (sql[j + 1] === c) { text += c; j += 2; continue; } break; } text += sql[j]; j++; }
      word(text); i = j + 1; continue;
    }
    if (c === "[") { const end = sql.indexOf("]", i + 1); word(sql.slice(i + 1, end < 0 ? sql.length : end)); i = end < 0 ? sql.length : end + 1; continue; }
    const m = /^([A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|0[xX][0-9a-fA-F]+|\|\||<=|>=|<>|!=|==|<<|>>|.)/.exec(sql.slice(i))!;
    const tok = m[0];
    if (/^[A-Za-z_\u0080-\uffff]/.test(tok)) word(tok); else out.push(tok);
    i += tok.length;
  }
  return out;
}
