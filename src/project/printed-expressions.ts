/**
 * Expressions the model writes its own way. A CHECK, a partial index's WHERE, an index on an
 * expression, a column DEFAULT and a computed column's expression are stored parsed and printed back in the database's spelling
 * (`char_length(name) between 1 and 100` comes back as `char_length(name) >= 1 AND
 * char_length(name) <= 100`; `created > '2020-01-01'` as a typed timestamptz literal), which
 * compare's folding cannot always undo. Before comparing, each model expression that differs
 * from the live one of the same table and name is given to the dialect to print in the context
 * of the live table (`Dialect.printExpressions`); where the print is the live expression, the
 * model takes the live text and compares equal. A print that differs, or none, leaves the model's
 * text: a real change, written as its author wrote it.
 */
import type { DatabaseSchema, DefaultValue, IndexSchema, TableSchema } from "../catalog/types.js";
import { expressionKey } from "../autogenerate/compare-expressions.js";
import { refKey } from "../autogenerate/compare-context.js";
import type { Connection, Dialect, ExpressionPrintRequest } from "../dialects/dialect.js";

type Key = (sql: string) => string;

const sqlOf = (value: DefaultValue | null | undefined): string | undefined => (value?.kind === "sql" ? value.sql : undefined);
const elementSql = (index: IndexSchema, i: number): string | undefined => {
  const element = index.elements[i];
  return element && "expression" in element ? element.expression : undefined;
};

/** Each written-differently expression of `model` against `live`: its id, the request, and how to put the print in. */
interface Site {
  request: ExpressionPrintRequest;
  live: string;
  put: (table: TableSchema, text: string) => TableSchema;
}

function sitesOf(model: TableSchema, live: TableSchema, key: Key): Site[] {
  const table = { schema: model.schema ?? null, name: model.name };
  const base = refKey(model.schema, model.name);
  const sites: Site[] = [];
  const differ = (a: string | undefined, b: string | undefined): boolean => a !== undefined && b !== undefined && key(a) !== key(b);
  for (const check of model.checks) {
    const other = check.name ? live.checks.find((c) => c.name === check.name) : undefined;
    if (!other || !differ(check.expression, other.expression)) continue;
    sites.push({
      request: { id: `${base}\u0000check\u0000${check.name}`, table, kind: "check", sql: check.expression },
      live: other.expression,
      put: (t, text) => ({ ...t, checks: t.checks.map((c) => (c.name === check.name ? { ...c, expression: text } : c)) }),
    });
  }
  for (const index of model.indexes) {
    const other = live.indexes.find((x) => x.name === index.name);
    if (!other) continue;
    const where = index.where ?? undefined;
    const liveWhere = other.where ?? undefined;
    if (differ(where, liveWhere)) {
      sites.push({
        request: { id: `${base}\u0000where\u0000${index.name}`, table, kind: "indexPredicate", sql: where! },
        live: liveWhere!,
        put: (t, text) => ({ ...t, indexes: t.indexes.map((x) => (x.name === index.name ? { ...x, where: text } : x)) }),
      });
    }
    index.elements.forEach((_, i) => {
      const mine = elementSql(index, i);
      const theirs = elementSql(other, i);
      if (!differ(mine, theirs)) return;
      sites.push({
        request: { id: `${base}\u0000element\u0000${index.name}\u0000${i}`, table, kind: "indexExpression", sql: mine! },
        live: theirs!,
        put: (t, text) => ({
          ...t,
          indexes: t.indexes.map((x) => (x.name === index.name ? { ...x, elements: x.elements.map((e, j) => (j === i && "expression" in e ? { ...e, expression: text } : e)) } : x)),
        }),
      });
    });
  }
  for (const column of model.columns) {
    const other = live.columns.find((c) => c.name === column.name);
    const computed = column.generated?.kind === "computed" ? column.generated : undefined;
    const liveComputed = other?.generated?.kind === "computed" ? other.generated : undefined;
    if (computed && liveComputed && differ(computed.sql, liveComputed.sql)) {
      sites.push({
        request: { id: `${base}\u0000generated\u0000${column.name}`, table, kind: "generated", sql: computed.sql, column: column.name },
        live: liveComputed.sql,
        put: (t, text) => ({ ...t, columns: t.columns.map((c) => (c.name === column.name && c.generated?.kind === "computed" ? { ...c, generated: { ...c.generated, sql: text } } : c)) }),
      });
    }
    const mine = sqlOf(column.default);
    const theirs = sqlOf(other?.default);
    if (!differ(mine, theirs)) continue;
    sites.push({
      request: { id: `${base}\u0000default\u0000${column.name}`, table, kind: "default", sql: mine!, column: column.name },
      live: theirs!,
      put: (t, text) => ({ ...t, columns: t.columns.map((c) => (c.name === column.name ? { ...c, default: { kind: "sql", sql: text } } : c)) }),
    });
  }
  return sites;
}

/** The sites of every table in both schemas, by table key. */
export function expressionSites(target: DatabaseSchema, actual: DatabaseSchema, key: Key): Map<string, Site[]> {
  const live = new Map(actual.tables.map((t) => [refKey(t.schema, t.name), t]));
  const out = new Map<string, Site[]>();
  for (const table of target.tables) {
    const other = live.get(refKey(table.schema, table.name));
    const sites = other ? sitesOf(table, other, key) : [];
    if (sites.length > 0) out.set(refKey(table.schema, table.name), sites);
  }
  return out;
}

/** `target` with each expression whose print is the live expression holding the live text. */
export function adoptPrintedExpressions(target: DatabaseSchema, sites: ReadonlyMap<string, Site[]>, printed: ReadonlyMap<string, string>, key: Key): DatabaseSchema {
  if (printed.size === 0) return target;
  const tables = target.tables.map((table) => {
    let out = table;
    for (const site of sites.get(refKey(table.schema, table.name)) ?? []) {
      const text = printed.get(site.request.id);
      if (text !== undefined && key(text) === key(site.live)) out = site.put(out, site.live);
    }
    return out;
  });
  return { ...target, tables };
}

/** The model with the expressions the database prints as they are live taken over (see the module comment). */
export async function withPrintedExpressions(dialect: Dialect, conn: Connection, target: DatabaseSchema, actual: DatabaseSchema): Promise<DatabaseSchema> {
  if (!dialect.printExpressions) return target;
  const key: Key = (sql) => expressionKey(sql, (s) => dialect.foldExpression(s));
  const sites = expressionSites(target, actual, key);
  if (sites.size === 0) return target;
  const requests = [...sites.values()].flat().map((s) => s.request);
  return adoptPrintedExpressions(target, sites, await dialect.printExpressions(conn, requests), key);
}
