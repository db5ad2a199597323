/**
 * Support for the database-object round trips: a fresh database per dialect, operations applied
 * the way the runner applies one revision, the database's own definition text read straight from
 * its catalog (never from athanor's reflection), and a pulled module loaded back.
 */
import { compileLive } from "../../helpers/live-compile.js";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { randomBytes } from "node:crypto";
import { createTestDatabase, type TestDialect } from "../../helpers/databases.js";
import { parseDatabaseUrl } from "../../../src/core/database-url.js";
import type { Connection, Dialect } from "../../../src/dialects/dialect.js";
import { loadDialect } from "../../../src/dialects/registry.js";
import type { Operation } from "../../../src/operations/types.js";
import type { DatabaseSchema } from "../../../src/catalog/types.js";
import type { DatabaseObject } from "../../../src/catalog/objects/types.js";
import { compareSchemas, dialectCompareOptions } from "../../../src/autogenerate/compare.js";

const root = resolve(import.meta.dirname, "../../..");
const tmp = join(root, "test/.tmp", `objects-${process.pid}-${randomBytes(4).toString("hex")}`);
const modelEntry = pathToFileURL(join(root, "src/model/index.ts")).href;
let counter = 0;

/** Writes a pulled module (its "athanor" import pointed at the source tree) and imports it. */
export async function loadModule(source: string): Promise<unknown> {
  mkdirSync(tmp, { recursive: true });
  const file = join(tmp, `schema${counter++}.ts`);
  writeFileSync(file, source.replace(/ from "athanor";\n/, ` from ${JSON.stringify(modelEntry)};\n`));
  return import(/* @vite-ignore */ pathToFileURL(file).href);
}

/** Removes the pulled modules. */
export function cleanModules(): void {
  rmSync(tmp, { recursive: true, force: true });
}

/** A database for one dialect with the helpers the round trips need. */
export interface ObjectsKit {
  dialect: Dialect;
  conn: Connection;
  apply(ops: readonly Operation[]): Promise<void>;
  /** The operations that turn the live database into `target`. */
  diff(target: DatabaseSchema): Promise<Operation[]>;
  /** The database's own text for one object (null when the catalog has no such object). */
  catalogText(object: DatabaseObject): Promise<string | null>;
  close(): Promise<void>;
}

/** Whitespace-insensitive form used to compare definition texts. */
export const squash = (text: string): string => text.replace(/\s+/g, " ").trim().replace(/\s*;$/, "");

async function catalogText(name: TestDialect, conn: Connection, database: string, o: DatabaseObject): Promise<string | null> {
  const one = async (sql: string, params: unknown[]): Promise<string | null> => {
    const rows = await conn.query<{ t: string | null }>(sql, params);
    return rows[0]?.t ?? null;
  };
  if (name === "sqlite") return one("SELECT sql AS t FROM sqlite_schema WHERE type = ? AND name = ?", [o.kind === "virtualTable" ? "table" : o.kind, o.name]);
  if (name === "mysql") {
    // MySQL qualifies every name in a view's query with the database, whose name each test picks.
    if (o.kind === "view") return (await one("SELECT VIEW_DEFINITION AS t FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", [database, o.name]))?.split(`\`${database}\`.`).join("") ?? null;
    if (o.kind === "trigger") return one("SELECT ACTION_STATEMENT AS t FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? AND TRIGGER_NAME = ?", [database, o.name]);
    return one("SELECT ROUTINE_DEFINITION AS t FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_NAME = ?", [database, o.name]);
  }
  switch (o.kind) {
    case "view":
    case "materializedView":
      return one("SELECT pg_get_viewdef(c.oid, true) AS t FROM pg_class c WHERE c.relname = $1 AND c.relkind IN ('v', 'm')", [o.name]);
    case "function":
    case "procedure":
      return one("SELECT pg_get_functiondef(p.oid) AS t FROM pg_proc p WHERE p.proname = $1", [o.name]);
    case "trigger":
      return one("SELECT pg_get_triggerdef(t.oid, true) AS t FROM pg_trigger t WHERE t.tgname = $1", [o.name]);
    case "rule":
      return one("SELECT pg_get_ruledef(r.oid, true) AS t FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class WHERE r.rulename = $1 AND c.relname = $2", [o.name, o.table ?? ""]);
    case "materializedViewIndex":
      return one("SELECT pg_get_indexdef(c.oid) AS t FROM pg_class c WHERE c.relname = $1 AND c.relkind = 'i'", [o.name]);
    case "policy":
      return one(
        "SELECT concat_ws(' ', permissive, cmd, array_to_string(roles, ','), 'using ' || qual, 'check ' || with_check) AS t FROM pg_policies WHERE policyname = $1 AND tablename = $2",
        [o.name, o.table ?? ""],
      );
    case "virtualTable":
      return null;
    case "extension":
      return one("SELECT extname::text AS t FROM pg_extension WHERE extname = $1", [o.name]);
    case "aggregate":
      return one(
        "SELECT concat_ws(' ', p.oid::regprocedure::text, a.aggtransfn::regproc::text, format_type(a.aggtranstype, NULL), NULLIF(a.aggfinalfn, 0)::regproc::text, a.agginitval) AS t FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid WHERE p.proname = $1",
        [o.name],
      );
    case "domain":
      return one(
        `SELECT concat_ws(' ', format_type(t.typbasetype, t.typtypmod), 'collate ' || NULLIF(t.typcollation, b.typcollation)::regcollation::text, 'default ' || t.typdefault,
                CASE WHEN t.typnotnull THEN 'not null' END,
                (SELECT string_agg(k.conname || ' ' || pg_get_constraintdef(k.oid, true), ' ' ORDER BY k.conname) FROM pg_constraint k WHERE k.contypid = t.oid)) AS t
           FROM pg_type t JOIN pg_type b ON b.oid = t.typbasetype WHERE t.typname = $1 AND t.typtype = 'd'`,
        [o.name],
      );
    case "compositeType":
      // The type's own pg_attribute rows, in attnum order.
      return one(
        `SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || COALESCE(' collate ' || NULLIF(a.attcollation, at.typcollation)::regcollation::text, ''), ', ' ORDER BY a.attnum) AS t
           FROM pg_type t JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped JOIN pg_type at ON at.oid = a.atttypid
          WHERE t.typname = $1 AND t.typtype = 'c'`,
        [o.name],
      );
    case "rangeType":
      return one(
        `SELECT concat_ws(' ', format_type(r.rngsubtype, NULL), o.opcname::text, NULLIF(r.rngcollation, 0)::regcollation::text, NULLIF(r.rngcanonical, 0)::regproc::text,
                NULLIF(r.rngsubdiff, 0)::regproc::text, r.rngmultitypid::regtype::text) AS t
           FROM pg_range r JOIN pg_opclass o ON o.oid = r.rngsubopc WHERE r.rngtypid = to_regtype($1)`,
        [o.name],
      );
    case "collation":
      return one(
        "SELECT concat_ws(' ', c.collprovider::text, c.collisdeterministic::text, c.collcollate, c.collctype, c.colliculocale) AS t FROM pg_collation c WHERE c.collname = $1",
        [o.name],
      );
    case "textSearchDictionary":
      return one("SELECT concat_ws(' ', t.tmplname::text, d.dictinitoption) AS t FROM pg_ts_dict d JOIN pg_ts_template t ON t.oid = d.dicttemplate WHERE d.dictname = $1", [o.name]);
    case "textSearchConfiguration":
      // Per token type the parser knows (ts_token_type), the dictionaries pg_ts_config_map lists for it, in order.
      return one(
        `SELECT p.prsname || ' ' || COALESCE((SELECT string_agg(tt.alias || '=' || (SELECT string_agg(m.mapdict::regdictionary::text, ',' ORDER BY m.mapseqno)
                                                                     FROM pg_ts_config_map m WHERE m.mapcfg = c.oid AND m.maptokentype = tt.tokid), ' ' ORDER BY tt.alias COLLATE "C")
                                         FROM ts_token_type(c.cfgparser) tt WHERE EXISTS (SELECT 1 FROM pg_ts_config_map m WHERE m.mapcfg = c.oid AND m.maptokentype = tt.tokid)), '') AS t
           FROM pg_ts_config c JOIN pg_ts_parser p ON p.oid = c.cfgparser WHERE c.cfgname = $1`,
        [o.name],
      );
    case "sequence":
      return one(
        "SELECT format('AS %s START WITH %s INCREMENT BY %s MINVALUE %s MAXVALUE %s CACHE %s %s', format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, CASE WHEN s.seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END) AS t FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE c.relname = $1",
        [o.name],
      );
  }
}

/** Opens a fresh database for `name`. */
export async function openObjectsKit(name: TestDialect): Promise<ObjectsKit> {
  const dialect = await loadDialect(name);
  const db = await createTestDatabase(name);
  const url = parseDatabaseUrl(db.url);
  const conn = await dialect.connect(url);
  const database = new URL(db.url.replace(/^sqlite:/, "file:")).pathname.slice(1);
  return {
    dialect,
    conn,
    async apply(ops) {
      const lock = await dialect.acquireLock(conn, "athanor-objects", 10_000);
      try {
        if (dialect.capabilities.transactionalDdl) await conn.begin();
        try {
          for (const op of ops) for (const statement of await compileLive(dialect, conn, op)) await conn.query(statement.sql, statement.params);
          await dialect.verifyRevision?.(conn);
          if (dialect.capabilities.transactionalDdl) await conn.commit();
        } catch (error) {
          if (conn.inTransaction) await conn.rollback();
          throw error;
        }
      } finally {
        await lock.release();
      }
    },
    async diff(target) {
      const actual = await dialect.reflect(conn);
      return compareSchemas(target, actual, dialectCompareOptions(dialect)).operations;
    },
    catalogText: (o) => catalogText(name, conn, database, o),
    async close() {
      try {
        await conn.close();
      } finally {
        await db.drop();
      }
    },
  };
}
