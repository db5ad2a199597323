/**
 * Which server we are talking to. MySQL and MariaDB share a protocol but differ in their
 * catalogs (CHECK_CONSTRAINTS, STATISTICS.EXPRESSION) and in how COLUMN_DEFAULT is written, so
 * reflection asks once per call and picks its queries and parsers accordingly.
 */
import type { Connection } from "../dialect.js";

/** The server family. */
export type ServerFlavour = "mysql" | "mariadb";

/** The server's family and version, and the connection's current database. */
export interface ServerInfo {
  flavour: ServerFlavour;
  /** [major, minor, patch] */
  version: [number, number, number];
  /** DATABASE(): null when the session has none selected. */
  database: string | null;
}

/** Parses a VERSION() string such as "8.0.36" or "10.11.6-MariaDB-0+deb12u1". */
export function parseServerVersion(text: string): Pick<ServerInfo, "flavour" | "version"> {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(text) ?? [];
  return {
    flavour: /mariadb/i.test(text) ? "mariadb" : "mysql",
    version: [Number(m[1] ?? 0), Number(m[2] ?? 0), Number(m[3] ?? 0)],
  };
}

/** True when `info`'s version is at least `min`. */
export function atLeast(info: Pick<ServerInfo, "version">, min: [number, number, number]): boolean {
  for (let i = 0; i < 3; i++) {
    const a = info.version[i] ?? 0;
    const b = min[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/** STATISTICS has an EXPRESSION column (functional indexes): MySQL 8.0.13+, never MariaDB. */
export function hasIndexExpressions(info: ServerInfo): boolean {
  return info.flavour === "mysql" && atLeast(info, [8, 0, 13]);
}

/** information_schema.CHECK_CONSTRAINTS exists: MariaDB 10.2.22+ (with TABLE_NAME), MySQL 8.0.16+. */
export function hasCheckConstraints(info: ServerInfo): boolean {
  return info.flavour === "mariadb" ? atLeast(info, [10, 2, 22]) : atLeast(info, [8, 0, 16]);
}

/** Reads the server version and current database in one query. */
export async function serverInfo(conn: Connection): Promise<ServerInfo> {
  const rows = await conn.query<{ version: string; db: string | null }>("SELECT VERSION() AS version, DATABASE() AS db");
  const row = rows[0];
  return { ...parseServerVersion(String(row?.version ?? "")), database: row?.db ?? null };
}
