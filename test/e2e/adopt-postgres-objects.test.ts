/**
 * Tried as a new user would: an existing PostgreSQL database with an extension, functions (sql
 * and plpgsql), a trigger, views (one on another), a materialized view, a free sequence, a domain
 * with a column typed by it, and partitioned tables (RANGE with a sub-partitioned LIST partition
 * and a DEFAULT one, HASH; a parent index and a partition's own index), a collation a column uses,
 * and a text-search configuration (copied, with a dictionary of its own) that a generated column
 * and an index name is adopted: `pull` →
 * `revision --autogenerate` against an empty database → `upgrade head` → the two databases' own
 * catalog text (pg_get_viewdef, pg_get_functiondef, pg_get_triggerdef, pg_extension,
 * pg_sequence, pg_collation, pg_ts_dict, pg_ts_config_map, and the independent oracle's tables, partition keys and bounds, indexes and
 * domains) is the same → `check` is clean → `downgrade base` leaves only the version tables.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { catalogText } from "../helpers/catalog-oracle/index.js";
import { createTestDatabase, serverAvailable, type TestDatabase } from "../helpers/databases.js";
import { MIGRATE_BIN } from "../helpers/project.js";

const available = await serverAvailable("postgres");

const EXISTING = `
CREATE EXTENSION citext;
CREATE SEQUENCE invoice_numbers START 1000 INCREMENT 10;
CREATE COLLATION case_blind (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TEXT SEARCH DICTIONARY plain_dict (TEMPLATE = simple, STOPWORDS = english);
CREATE TEXT SEARCH CONFIGURATION plain_search (COPY = english);
ALTER TEXT SEARCH CONFIGURATION plain_search ALTER MAPPING FOR asciiword WITH plain_dict, english_stem;
CREATE TABLE users (id integer PRIMARY KEY, email citext NOT NULL, active boolean NOT NULL DEFAULT true, updated_at timestamptz,
  nick text COLLATE case_blind, bio text, bio_search tsvector GENERATED ALWAYS AS (to_tsvector('plain_search'::regconfig, bio)) STORED);
CREATE INDEX users_bio ON users USING gin (to_tsvector('plain_search'::regconfig, bio));
CREATE DOMAIN year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155);
CREATE TABLE events (id bigint NOT NULL, happened date NOT NULL, region text NOT NULL, payload text, born year,
  PRIMARY KEY (id, happened, region)) PARTITION BY RANGE (happened);
CREATE INDEX events_payload ON events (payload);
CREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE events_2021 PARTITION OF events FOR VALUES FROM ('2021-01-01') TO ('2022-01-01') PARTITION BY LIST (region);
CREATE TABLE events_2021_eu PARTITION OF events_2021 FOR VALUES IN ('eu');
CREATE TABLE events_other PARTITION OF events DEFAULT;
CREATE INDEX events_2020_region ON events_2020 (region);
ALTER TABLE events_2020 ADD CONSTRAINT events_2020_id_positive CHECK (id > 0);
CREATE TABLE buckets (id integer NOT NULL) PARTITION BY HASH (id);
CREATE TABLE buckets_0 PARTITION OF buckets FOR VALUES WITH (modulus 2, remainder 0);
CREATE TABLE buckets_1 PARTITION OF buckets FOR VALUES WITH (modulus 2, remainder 1);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ begin new.updated_at := now(); return new; end $$;
CREATE FUNCTION add_one(i integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'select i + 1';
CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;
CREATE VIEW active_emails AS SELECT email FROM active_users;
CREATE MATERIALIZED VIEW user_count AS SELECT count(*) AS n FROM users;
`;

/** The database's own text for every object, keyed by kind and name (never athanor's reflection). */
const CATALOG_SQL = `
SELECT 'view ' || c.relname AS key, pg_get_viewdef(c.oid, true) AS text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm')
UNION ALL SELECT 'function ' || p.proname, pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
UNION ALL SELECT 'trigger ' || t.tgname, pg_get_triggerdef(t.oid, true) FROM pg_trigger t WHERE NOT t.tgisinternal
UNION ALL SELECT 'extension ' || extname, extversion FROM pg_extension
UNION ALL SELECT 'sequence ' || c.relname, concat_ws(' ', s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle)
  FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
UNION ALL SELECT 'collation ' || collname, concat_ws(' ', collprovider, collisdeterministic, collcollate, collctype, colliculocale) FROM pg_collation WHERE collnamespace = 'public'::regnamespace
UNION ALL SELECT 'text search dictionary ' || dictname, (SELECT t.tmplname::text FROM pg_ts_template t WHERE t.oid = dicttemplate) || ' ' || COALESCE(dictinitoption, '') FROM pg_ts_dict WHERE dictnamespace = 'public'::regnamespace
UNION ALL SELECT 'text search configuration ' || c.cfgname, (SELECT string_agg(m.maptokentype || '=' || m.mapdict::regdictionary::text, ' ' ORDER BY m.maptokentype, m.mapseqno) FROM pg_ts_config_map m WHERE m.mapcfg = c.oid)
  FROM pg_ts_config c WHERE c.cfgnamespace = 'public'::regnamespace
UNION ALL SELECT 'relkind ' || c.relname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
ORDER BY 1`;

async function catalog(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = (await client.query<{ key: string; text: string }>(CATALOG_SQL)).rows;
    return Object.fromEntries(rows.filter((r) => !/ athanor_version/.test(r.key)).map((r) => [r.key, r.text]));
  } finally {
    await client.end();
  }
}

function migrate(cwd: string, args: string[]): { code: number; out: string } {
  const r = spawnSync(process.execPath, [MIGRATE_BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "" } });
  return { code: r.status ?? -1, out: `${r.stdout}\n${r.stderr}` };
}

describe.skipIf(!available)("adopting an existing PostgreSQL database with views, triggers, functions, domains, partitioned tables and an extension", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  });

  it("pull, autogenerate against an empty database, upgrade head: the same catalog text; check clean; downgrade base empty", async () => {
    const a: TestDatabase = await createTestDatabase("postgres");
    cleanup.push(a.drop);
    const b: TestDatabase = await createTestDatabase("postgres");
    cleanup.push(b.drop);
    const client = new pg.Client({ connectionString: a.url });
    await client.connect();
    await client.query(EXISTING);
    await client.end();
    const dir = mkdtempSync(join(tmpdir(), "athanor-adopt-"));
    if (!process.env.KEEP) cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    else console.log(dir);
    writeFileSync(join(dir, "migrate.config.ts"), `export default { schema: "./schema.ts", migrations: "./migrations" };\n`);
    const step = (args: string[]) => {
      const r = migrate(dir, args);
      if (r.code !== 0) throw new Error(`migrate ${args.join(" ")} exited ${r.code}:\n${r.out.slice(0, 4000)}`);
      return r;
    };

    step(["--url", a.url, "pull"]);
    step(["--url", b.url, "revision", "--autogenerate", "-m", "adopt"]);
    step(["--url", b.url, "upgrade", "head"]);
    const existing = await catalog(a.url);
    const adopted = await catalog(b.url);
    const objects = (c: Record<string, string>) => Object.fromEntries(Object.entries(c).filter(([k]) => !k.startsWith("relkind ")));
    expect(Object.keys(objects(existing)).sort()).toEqual(
      ["collation case_blind", "extension citext", "extension plpgsql", "function add_one", "function touch", "sequence invoice_numbers", "text search configuration plain_search", "text search dictionary plain_dict", "trigger users_touch", "view active_emails",
        "view active_users", "view user_count"],
    );
    expect(objects(adopted)).toEqual(objects(existing));
    // Partitioned tables stay partitioned, partitions keep their bounds and own indexes and checks,
    // the column keeps its domain: the independent oracle sees the same catalog.
    expect(adopted["relkind events"]).toBe("p");
    expect(adopted["relkind events_2021"]).toBe("p");
    const [oracleA, oracleB] = [await catalogText(a), await catalogText(b)];
    expect(oracleB.filter((l) => !oracleA.includes(l))).toEqual([]);
    expect(oracleB).toEqual(oracleA);
    expect(oracleA).toContain("table public.events_2021 partitioned by LIST (region) partition of public.events FOR VALUES FROM ('2021-01-01') TO ('2022-01-01')");
    expect(oracleA.some((l) => /^column public\.events #5 born public\.year$/.test(l))).toBe(true);

    const check = migrate(dir, ["--url", b.url, "check"]);
    expect(check.code, check.out).toBe(0);

    step(["--url", b.url, "downgrade", "base"]);
    const emptied = await catalog(b.url);
    expect(emptied).toEqual({ "extension plpgsql": existing["extension plpgsql"] });
  }, 120_000);
});
