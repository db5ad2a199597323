/**
 * The Dialect interface: the only door through which the core talks to a database. Everything
 * dialect-specific (drivers, SQL, quoting, reflection, locking) lives behind it in
 * `src/dialects/<name>/`; the core asks narrow questions and reads capability flags.
 */
import type { DatabaseUrl } from "../core/database-url.js";
import type { DialectName } from "../core/dialect-name.js";
import type { VersionTableName } from "../core/version-table-name.js";
import type { Operation } from "../operations/types.js";
import type { IdentifierRules } from "../operations/table-state.js";
import type { DatabaseSchema, NamedObjectKind, TableRef, TableSchema } from "../catalog/types.js";
import type { MigrateError } from "../errors.js";
import type { DatabaseObject } from "../catalog/objects/types.js";

/** One SQL statement with bound values. `params` are never spliced into `sql`. */
export interface Statement {
  sql: string;
  params?: unknown[];
  /**
   * False when the statement cannot run inside a transaction block (PostgreSQL
   * `CREATE INDEX CONCURRENTLY`, `ALTER TYPE … ADD VALUE` on old servers). The runner commits
   * before it and starts a new transaction after it.
   */
  transactional?: boolean;
  /** For SQLite rebuilds: check foreign keys (the rebuilt operation's scope) after this statement and fail on a violation. */
  checkForeignKeys?: boolean;
}

/**
 * The tables a revision touched, for its foreign-key check (each is checked with the tables that
 * reference it), or "any": the whole database (raw SQL may have changed any table).
 */
export type ForeignKeyScope = readonly TableRef[] | "any";

/** What a dialect can and cannot do; the core branches on these, never on the dialect's name. */
export interface DialectCapabilities {
  /** DDL runs inside transactions and rolls back (PostgreSQL, SQLite). False on MySQL. */
  transactionalDdl: boolean;
  /** ALTER TABLE can change a column in place; false on SQLite (a rebuild is needed). */
  alterColumn: boolean;
  /** CREATE INDEX CONCURRENTLY exists. */
  concurrentIndex: boolean;
  /** Tables live in named schemas (PostgreSQL). */
  schemas: boolean;
  /** Enums are named, standalone types (PostgreSQL). */
  namedEnums: boolean;
  /** Partial indexes (`WHERE …`). */
  partialIndexes: boolean;
  /** Table and column comments. */
  comments: boolean;
  /**
   * An index's comment is part of its definition (MySQL/MariaDB `COMMENT '…'`, no statement
   * changes it alone): autogenerate drops and creates the index again to change it. Absent: the
   * dialect's setComment changes it in place (PostgreSQL COMMENT ON INDEX).
   */
  indexCommentsInDefinition?: boolean;
  /**
   * The kinds of constraint and index names that must be unique across a whole schema (database)
   * rather than only within their table. The model only demands per-table uniqueness (what every
   * dialect demands); this list adds the dialect's wider rule, checked before any statement runs.
   * PostgreSQL: indexes, primary keys and unique constraints (all are relations); MySQL: foreign
   * keys; SQLite: indexes. Absent or empty: no wider rule.
   */
  schemaWideNames?: readonly NamedObjectKind[];
  /**
   * CREATE TABLE accepts a foreign key to a table that does not exist yet (SQLite checks
   * references only when rows change), so new tables keep every foreign key inline, even in a
   * cycle, instead of adding some afterwards. Absent: false.
   */
  forwardReferences?: boolean;
  /**
   * A foreign key depends on the referenced table's key, so dropping or replacing that key fails
   * while the foreign key exists (PostgreSQL); autogenerate then drops such foreign keys before
   * the key changes and creates them again after (`autogenerate/compare-key-dependents.ts`).
   * Absent: false (MariaDB replaces a referenced primary key in place; SQLite checks nothing).
   */
  foreignKeysHoldKeys?: boolean;
  /**
   * The database refuses a new type or collation for a column a foreign key uses, on either end
   * (MySQL/MariaDB: "Cannot change column … used in a foreign key constraint"); autogenerate then
   * drops such foreign keys before the column changes and creates them again after
   * (`autogenerate/compare-type-dependents.ts`). Absent: false (PostgreSQL converts them in place).
   */
  foreignKeysHoldColumnTypes?: boolean;
  /**
   * addColumn can put a column among the others (`position`): MySQL with AFTER / FIRST, SQLite by
   * rebuilding the table. Absent: false, as on PostgreSQL, which always adds a column last, so
   * autogenerate says where a column will end up instead.
   */
  columnPositions?: boolean;
}

/** One model expression to print in the context of its live table (`Dialect.printExpressions`). */
export interface ExpressionPrintRequest {
  /** The caller's key for the printed text. */
  id: string;
  table: TableRef;
  /** A CHECK constraint's expression, a partial index's WHERE, an index element's expression, a column's DEFAULT, or a computed column's expression. */
  kind: "check" | "indexPredicate" | "indexExpression" | "default" | "generated";
  sql: string;
  /** The column of a default or a computed column. */
  column?: string;
}

/** How a transaction begins. */
export interface BeginOptions {
  /**
   * false: its COMMIT may return before the transaction is durable (a crash just after could
   * lose it whole, never part of it, with the transactions committed after it); it becomes
   * durable with the next durable commit of a transaction that writes. Dialects without such a
   * mode ignore it (PostgreSQL has it). Default true.
   */
  durable?: boolean;
}

/** A live connection. All values go through `params`; identifiers are quoted by the dialect. */
export interface Connection {
  readonly dialect: DialectName;
  /** Runs a statement and returns its rows (empty for DDL). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Number of statements sent so far (used by tests to prove reflection is O(1) in queries). */
  readonly queryCount: number;
  begin(options?: BeginOptions): Promise<void>;
  /** True where `begin({ durable: false })` really commits without waiting for durability (PostgreSQL). */
  readonly nonDurableCommits?: boolean;
  commit(): Promise<void>;
  /**
   * Optional: commits the open transaction and opens the next in one round trip (PostgreSQL:
   * `COMMIT; BEGIN` as one message). When the commit fails, it throws as commit() does and no
   * transaction is open; when it succeeds, the next one is.
   */
  commitAndBegin?(next?: BeginOptions): Promise<void>;
  rollback(): Promise<void>;
  /** True while a transaction started with begin() is open. */
  readonly inTransaction: boolean;
  close(): Promise<void>;
  /**
   * Optional: asks the server, over a second connection, to cancel the statement this connection
   * is running (PostgreSQL). Used when a run is interrupted so the rollback need not wait for a
   * long statement to finish. A no-op when nothing is running.
   */
  cancel?(): Promise<void>;
}

/**
 * What compiling one operation may know besides the operation: compile is pure, so the same
 * operation and the same table state give the same statements online, offline (`--sql`) and on
 * resume. Compile never reads the database; the runtime reflects a table once, before the first
 * operation of the run that touches it, and moves that state forward through every operation
 * (operations/known-tables.ts). Offline, tables are known from the revisions before the range.
 */
export interface CompileContext {
  /** The table's definition before this operation, as the run knows it; undefined if unknown or absent. */
  tableState(ref: TableRef): TableSchema | undefined;
  /** True under `--sql`: no database is connected. */
  offline: boolean;
}

/** Options for reflection. */
export interface ReflectOptions {
  /** PostgreSQL schemas to read (default: the current schema, plus `alsoSchemas`). */
  schemas?: string[];
  /** When `schemas` is absent: schemas to read besides the current one (those the model names). */
  alsoSchemas?: string[];
  /** Read every schema but the system's (`pull --all-schemas`); wins over `schemas`. */
  allSchemas?: boolean;
  /** Only these tables (names or "schema.name"), applied inside the catalog queries. */
  includeTables?: string[];
  /** Never these tables; the version table is always excluded. */
  excludeTables?: string[];
}

/** A held lock; release() is idempotent. */
export interface HeldLock {
  release(): Promise<void>;
}

/** What the runtime asks of a lock that must also be seen by runs using the other kind. */
export interface LockRequest {
  /** The lock's name, derived from the version table. */
  key: string;
  /** How long to wait before failing with MigrateError("lock-timeout"). */
  timeoutMs: number;
  /** Called once, when the first attempt finds the lock taken. */
  onWait?: () => void;
  /** The lease lock's table, `<versionTable>_lock` beside the version table. */
  table: VersionTableName;
  /** Aborted when the caller stopped waiting (an interrupt): a lock taken after that is given back. */
  signal?: AbortSignal;
  /**
   * Lease only: called once if the lease is lost while held (another run took it over after the
   * heartbeat could not renew it). The run must stop: another may be running now.
   */
  onLost?: (error: MigrateError) => void;
  /** Lease only: called when the lease was taken over from a run whose lease had expired, with a sentence naming it. */
  onTakeover?: (message: string) => void;
}

/** The lease row as the lock table holds it; times by the database's clock. */
export interface LeaseState {
  owner: string;
  host: string;
  pid: number;
  acquiredAt: string;
  heartbeatAt: string;
  expiresAt: string;
  /** Milliseconds since the lease was taken, since its last heartbeat, and until it expires (negative once expired). */
  heldMs: number;
  heartbeatAgeMs: number;
  expiresInMs: number;
  /** Expired: its holder stopped renewing it, so another run may take it over. */
  stale: boolean;
}

/** Who holds the migration lock, as far as the database can tell. */
export interface LockHolders {
  /** The lease row, if the lock table has one (live or stale). */
  lease: LeaseState | undefined;
  /** The backend holding the session-level lock, if any. */
  session: { pid: number; application: string | null; client: string | null } | undefined;
}

/**
 * The lease lock (a row in a lock table with owner, heartbeat and expiry): a lock that holds
 * when consecutive transactions may run on different server sessions (a transaction pooler),
 * where a session-level lock protects nothing. Both kinds see each other, so runs that chose
 * differently still exclude one another.
 */
export interface LeaseLocking {
  /** Why a session-level lock would not hold on this connection (e.g. a pooler was detected), or undefined. */
  sessionLockUnsafe(conn: Connection): Promise<string | undefined>;
  /** The session-level lock, waiting also while a live lease is held. */
  acquireSession(conn: Connection, request: LockRequest): Promise<HeldLock>;
  /** The lease, on a connection of its own to `url` (renewed by a heartbeat while held). */
  acquireLease(url: DatabaseUrl, request: LockRequest): Promise<HeldLock>;
  /** Who holds the lock now. */
  holders(conn: Connection, table: VersionTableName, key: string): Promise<LockHolders>;
  /** Removes the lease if it is stale, in one statement; returns the row removed, or what is there instead. */
  removeStaleLease(conn: Connection, table: VersionTableName, key: string): Promise<{ removed: LeaseState | undefined; remaining: LeaseState | undefined }>;
}

/** The dialect contract. */
export interface Dialect {
  readonly name: DialectName;
  readonly capabilities: DialectCapabilities;
  /**
   * How the database compares identifiers and renames a column inside SQL text, for the run's
   * table state (operations/table-state.ts). Absent: names compare exactly, expressions keep their text.
   */
  readonly identifierRules?: IdentifierRules;
  /** Quotes an identifier (doubling embedded quote characters). */
  quoteIdentifier(name: string): string;
  /** Quotes a possibly schema-qualified table reference. */
  quoteTable(ref: TableRef): string;
  /** Quotes a string literal for DDL contexts where binding is impossible (defaults, comments, checks). */
  quoteLiteral(value: string | number | boolean | null): string;
  /** The placeholder for the n-th bound value (1-based): `$1` or `?`. */
  placeholder(index: number): string;
  /** Renders a statement with its values inlined as literals, for offline `--sql` output only. */
  inlineParams(statement: Statement): string;
  /** Opens a connection; failures become ConnectionErrors with the password masked. */
  connect(url: DatabaseUrl): Promise<Connection>;
  /** Compiles one operation into statements, or throws UnsupportedOperationError. */
  compile(op: Operation, ctx: CompileContext): Promise<Statement[]>;
  /** Reads the live schema with a constant number of catalog queries. */
  reflect(conn: Connection, options?: ReflectOptions): Promise<DatabaseSchema>;
  /** Reads one table (the runtime seeds a run's table state with it); undefined if it does not exist. */
  reflectTable(conn: Connection, ref: TableRef): Promise<TableSchema | undefined>;
  /**
   * How the database prints each given object's definition, as its reflection would read it
   * back once created: for a model object whose text differs from the live one only in how it
   * is written (`WHERE price < 10` against `WHERE (products.price < (10)::numeric)`). Keys are
   * the objects' `objectKey`; an object the dialect cannot print without side effects, or whose
   * definition the database refuses, is left out. Changes nothing in the database. Absent: no
   * object is printed, and definitions compare as written.
   */
  printDefinitions?(conn: Connection, objects: readonly DatabaseObject[]): Promise<Map<string, string>>;
  /**
   * How the database prints each given expression of a live table — a CHECK, an index's
   * predicate or expression, a column default, a computed column's expression — as its
   * reflection reads it back: for a model
   * expression that differs from the live one only in how it is written (`char_length(name)
   * between 1 and 100` against `char_length(name) >= 1 AND char_length(name) <= 100`). Keys
   * are the requests' `id`; one the database refuses is left out. Changes nothing in the
   * database. Absent: expressions compare as written.
   */
  printExpressions?(conn: Connection, requests: readonly ExpressionPrintRequest[]): Promise<Map<string, string>>;
  /**
   * Checks run just before a revision commits; throws if the revision left the database
   * inconsistent (SQLite: `PRAGMA foreign_key_check` after rebuilds ran with foreign keys off).
   * `scope`: the tables the revision touched (each checked with the tables that reference it),
   * or "any" (absent too) for the whole database.
   */
  verifyRevision?(conn: Connection, scope?: ForeignKeyScope): Promise<void>;
  /**
   * Canonicalises a schema into what this dialect actually stores (e.g. MySQL: varchar without a
   * length becomes varchar(255), jsonb becomes json; SQLite: enums become text plus a CHECK), so a
   * model and its reflection compare equal. Lives in dialects/<name>/compare.ts.
   */
  normalizeSchema(schema: DatabaseSchema): DatabaseSchema;
  /**
   * The text of a stored expression (CHECK, default, index expression or predicate, generated
   * column) with this database's own re-spellings undone (PostgreSQL's casts, MySQL's charset
   * introducers), so the compare engine's expression key can treat both sides alike. Only ever
   * compared, never executed. Lives in dialects/<name>/expression-spellings.ts.
   */
  foldExpression(sql: string): string;
  /**
   * Statements that open and close an offline `--sql` script, outside every transaction
   * (SQLite: foreign keys off, so a table rebuild's DROP TABLE cannot cascade into child rows).
   */
  offlineScript?: { prologue: Statement[]; epilogue: Statement[] };
  /** SQL for the version table. */
  versionTable: VersionTableSql;
  /**
   * Takes the migration lock for `key`, waiting up to `timeoutMs`; calls `onWait` once if it has
   * to wait. Throws MigrateError("lock-timeout") on timeout.
   */
  acquireLock(conn: Connection, key: string, timeoutMs: number, onWait?: () => void): Promise<HeldLock>;
  /** Optional: the lease lock, for poolers and config `lock: "table"` (PostgreSQL). */
  leaseLock?: LeaseLocking;
  /**
   * Optional: true when `error` means the connection itself was lost (server restart, killed
   * session, network), not that a statement was refused. Absent: never (SQLite has no network).
   */
  connectionLost?(error: unknown): boolean;
  /**
   * Optional: after a failed revision has been rolled back, a better hint for failures whose fix
   * lies in the server's settings (PostgreSQL: a full lock table); undefined for any other.
   */
  adviseOnFailure?(conn: Connection, error: unknown, context: FailureContext): Promise<string | undefined>;
}

/** What the runner knows about a failed revision when it asks the dialect for advice. */
export interface FailureContext {
  /** Statements of the revision that finished before the failure. */
  statementsRan: number;
  /** The whole command ran in one transaction (`transaction: "command"`). */
  wholeCommand: boolean;
}

/** Statements that manage the version table. */
export interface VersionTableSql {
  /** CREATE TABLE IF NOT EXISTS (and schema) for the version table. */
  create(table: VersionTableName): Statement[];
  /** Whether it exists (a query returning one row with a truthy first column when it does). */
  exists(table: VersionTableName): Statement;
  /**
   * CREATE TABLE IF NOT EXISTS for the revision log kept next to the version table (named
   * `<versionTable>_log`; `table` is that name): one row per revision with the state of its last
   * step — direction, status, file checksum and per-statement progress. Columns: revision
   * varchar(32) primary key, direction varchar(4), status varchar(16), checksum varchar(64) null,
   * statements_done integer, done_statements long text (a JSON array of SQL), progress_hash
   * varchar(64) null, pending_statement long text null, error long text null, updated_at varchar(32),
   * table_state long text null (JSON: the tables the step changes, as they were when it began).
   */
  createLog?(table: VersionTableName): Statement[];
  /** Adds `table_state` (long text, null) to a log table created before the column existed. */
  addLogTableState?(table: VersionTableName): Statement;
  /**
   * Whether `table` (an existing table) has `column`: one catalog lookup returning one row with a
   * truthy first column when it does. Never reads the table itself, so an open transaction is
   * never aborted.
   */
  columnExists(table: VersionTableName, column: string): Statement;
  /**
   * One statement that writes a log row whatever is there: an INSERT of `columns` (placeholders
   * 1…n in that order) that, when the row's key (the first column) exists, overwrites the other
   * columns except `keep`. Without it the log reads the row first and inserts or updates.
   * `rows` (default 1) rows of values, numbered on: row r's column c is placeholder r·n + c + 1.
   */
  upsertLog?(table: VersionTableName, columns: readonly string[], keep: readonly string[], rows?: number): string;
  /**
   * One statement that runs `main` and every one of `others` (data-modifying statements on
   * distinct rows; placeholders numbered apart, `main`'s first, then each of `others` in turn):
   * PostgreSQL's data-modifying WITH. A finished step's version-row change and log upsert then
   * cost one round trip. Without it each runs on its own.
   */
  combineWrites?(main: Statement, others: readonly Statement[]): Statement;
}
