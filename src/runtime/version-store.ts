/**
 * Reads and writes the version table: one row per current head, like Alembic's alembic_version.
 * Row changes are computed as a difference between the rows before and after a step, so the
 * table always holds exactly the heads the planner says.
 */
import type { Connection, Dialect, Statement } from "../dialects/dialect.js";
import type { VersionTableName } from "../core/version-table-name.js";

/** Statements that turn the version rows `before` into `after` (values bound). */
export function versionRowChanges(dialect: Dialect, table: VersionTableName, before: string[], after: string[]): Statement[] {
  const t = dialect.quoteTable({ schema: table.schema, name: table.name });
  const col = dialect.quoteIdentifier("version_num");
  const removed = before.filter((r) => !after.includes(r));
  const added = after.filter((r) => !before.includes(r));
  const statements: Statement[] = [];
  // One removed and one added is the common linear step: an UPDATE, as Alembic does.
  while (removed.length > 0 && added.length > 0) {
    statements.push({ sql: `UPDATE ${t} SET ${col} = ${dialect.placeholder(1)} WHERE ${col} = ${dialect.placeholder(2)}`, params: [added.shift(), removed.shift()] });
  }
  for (const r of removed) statements.push({ sql: `DELETE FROM ${t} WHERE ${col} = ${dialect.placeholder(1)}`, params: [r] });
  for (const a of added) statements.push({ sql: `INSERT INTO ${t} (${col}) VALUES (${dialect.placeholder(1)})`, params: [a] });
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
}
