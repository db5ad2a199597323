/**
 * Reads and writes the version table: one row per current head, like Alembic's alembic_version.
 * Row changes are computed as a difference between the rows before and after a step, so the
 * table always holds exactly the heads the planner says.
 */
import type { Connection, Dialect, Statement } from "../dialects/dialect.js";
import type { VersionTableName } from "../core/version-table-name.js";

/**
 * Statements that turn the version rows `before` into `after` (values bound), each touching a
 * row of its own. Each statement's placeholders start at 1; with `first`, they are numbered from
 * `first` on across all of them instead, so they can join another statement in one
 * (`VersionTableSql.combineWrites`).
 */
export function versionRowChanges(dialect: Dialect, table: VersionTableName, before: string[], after: string[], first?: number): Statement[] {
  const t = dialect.quoteTable({ schema: table.schema, name: table.name });
  const col = dialect.quoteIdentifier("version_num");
  const removed = before.filter((r) => !after.includes(r));
  const added = after.filter((r) => !before.includes(r));
  const statements: Statement[] = [];
  let n = first ?? 1;
  const p = () => dialect.placeholder(n++);
  // Standalone statements each number from 1.
  const next = () => {
    if (first === undefined) n = 1;
  };
  // One removed and one added is the common linear step: an UPDATE, as Alembic does.
  while (removed.length > 0 && added.length > 0) {
    next();
    statements.push({ sql: `UPDATE ${t} SET ${col} = ${p()} WHERE ${col} = ${p()}`, params: [added.shift(), removed.shift()] });
  }
  for (const r of removed) {
    next();
    statements.push({ sql: `DELETE FROM ${t} WHERE ${col} = ${p()}`, params: [r] });
  }
  for (const a of added) {
    next();
    statements.push({ sql: `INSERT INTO ${t} (${col}) VALUES (${p()})`, params: [a] });
  }
  return statements;
}

/** Whether `table` exists, asked with the dialect's version-table probe. */
export async function tableExists(conn: Connection, dialect: Dialect, table: VersionTableName): Promise<boolean> {
  const probe = dialect.versionTable.exists(table);
  const first = (await conn.query(probe.sql, probe.params))[0];
  return first !== undefined && Boolean(Object.values(first)[0]);
}

/** Version-table access over one connection. */
export class VersionStore {
  constructor(
    private readonly conn: Connection,
    private readonly dialect: Dialect,
    readonly table: VersionTableName,
  ) {}

  /** True when the version table exists. */
  async exists(): Promise<boolean> {
    return tableExists(this.conn, this.dialect, this.table);
  }

  /** Creates the table if it is missing. */
  async ensure(): Promise<void> {
    for (const s of this.dialect.versionTable.create(this.table)) await this.conn.query(s.sql, s.params);
  }

  /** The current rows (sorted); empty when the table does not exist. */
  async read(): Promise<string[]> {
    if (!(await this.exists())) return [];
    const t = this.dialect.quoteTable({ schema: this.table.schema, name: this.table.name });
    const rows = await this.conn.query<{ version_num: string }>(`SELECT ${this.dialect.quoteIdentifier("version_num")} AS version_num FROM ${t}`);
    return rows.map((r) => String(r.version_num)).sort();
  }

  /** Rewrites the rows from `before` to `after`. */
  async write(before: string[], after: string[]): Promise<void> {
    for (const s of versionRowChanges(this.dialect, this.table, before, after)) await this.conn.query(s.sql, s.params);
  }

  /** The statements of `write`, placeholders numbered from `first` on (see versionRowChanges). */
  changes(before: string[], after: string[], first: number): Statement[] {
    return versionRowChanges(this.dialect, this.table, before, after, first);
  }
}
