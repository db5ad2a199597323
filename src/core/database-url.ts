/**
 * Database URLs: parsing into a DatabaseUrl and masking passwords for every message.
 * `postgres://` / `postgresql://`, `mysql://` (MariaDB too), `sqlite:relative/or/absolute.db`,
 * `sqlite::memory:`.
 */
import { isAbsolute, resolve } from "node:path";
import { ConnectionError } from "../errors.js";
import type { DialectName } from "./dialect-name.js";

/** A parsed database URL. `password` is kept out of every message (see `redactUrl`). */
export interface DatabaseUrl {
  dialect: DialectName;
  /** The URL as given, for connecting. */
  raw: string;
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  /** SQLite: absolute file path, or ":memory:". */
  file?: string;
  /** Query-string parameters (ssl, charset, …). */
  params: Record<string, string>;
}

const SCHEMES: Record<string, DialectName> = {
  "postgres:": "postgres",
  "postgresql:": "postgres",
  "mysql:": "mysql",
  "mariadb:": "mysql",
  "sqlite:": "sqlite",
};

/**
 * `scheme://user:` then everything up to the last `@` before whitespace or the next URL: a
 * password may hold raw `@`, `:`, `/`, `%`, `?` or `#` (drivers accept some of them unencoded),
 * so the host's `@` is the last one, and masking a little too much beats showing a piece.
 */
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)((?:(?![a-z][a-z0-9+.-]*:\/\/)\S)*)@/gi;

/** Replaces the password in any URL-looking text with `***`. Safe on arbitrary strings. */
export function redactUrl(text: string): string {
  return text.replace(URL_PASSWORD, "$1***@");
}

/** Decodes one percent-encoded part of a URL, or fails with a message naming the part (never its text). */
function decodePart(value: string, part: string, text: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new ConnectionError("url", `The ${part} in the database URL ${redactUrl(text)} has a malformed percent-escape (a "%" not followed by two hex digits).`, {
      hint: `Write a literal "%" as %25 (and "@" as %40, "/" as %2F, ":" as %3A); encodeURIComponent() gives the encoded form.`,
    });
  }
}

/** Removes a known password from arbitrary text (driver messages sometimes echo it). */
export function redactSecret(text: string, secret: string | undefined): string {
  let out = redactUrl(text);
  if (secret && secret.length > 0) out = out.split(secret).join("***");
  return out;
}

/**
 * Parses a database URL. `baseDir` resolves relative SQLite paths (the config file's folder).
 * Throws ConnectionError("url") with the password masked.
 */
export function parseDatabaseUrl(raw: string, baseDir: string = process.cwd()): DatabaseUrl {
  const text = raw.trim();
  const colon = text.indexOf(":");
  const scheme = colon > 0 ? text.slice(0, colon + 1).toLowerCase() : "";
  const dialect = SCHEMES[scheme];
  if (!dialect) {
    throw new ConnectionError("url", `Unknown database URL scheme "${scheme || redactUrl(text)}" in ${redactUrl(text)}.`, {
      hint: "Use postgres://user@host/db, mysql://user@host/db, sqlite:path/to/file.db or sqlite::memory:.",
    });
  }
  if (dialect === "sqlite") return parseSqlite(text, baseDir);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConnectionError("url", `The database URL ${redactUrl(text)} is not a valid URL.`, {
      hint: 'Write it as scheme://user:password@host:port/database; percent-encode special characters in the password ("@" as %40, "/" as %2F, "%" as %25, "#" as %23, "?" as %3F).',
    });
  }
  const database = decodePart(url.pathname.replace(/^\//, ""), "database name", text);
  if (!url.hostname && !url.searchParams.get("host")) {
    throw new ConnectionError("url", `The database URL ${redactUrl(text)} names no host.`, { hint: "Add a host, e.g. postgres://user@127.0.0.1:5432/db." });
  }
  const params: Record<string, string> = {};
  url.searchParams.forEach((value, key) => (params[key] = value));
  const port = url.port ? Number(url.port) : undefined;
  return {
    dialect,
    raw: text,
    host: url.hostname || params.host,
    port,
    user: url.username ? decodePart(url.username, "user name", text) : undefined,
    password: url.password ? decodePart(url.password, "password", text) : undefined,
    database: database || undefined,
    params,
  };
}

function parseSqlite(text: string, baseDir: string): DatabaseUrl {
  let rest = text.slice("sqlite:".length);
  const q = rest.indexOf("?");
  const params: Record<string, string> = {};
  if (q >= 0) {
    new URLSearchParams(rest.slice(q + 1)).forEach((value, key) => (params[key] = value));
    rest = rest.slice(0, q);
  }
  // Accept sqlite:///abs/path and sqlite://rel as well as the plain forms.
  if (rest.startsWith("///")) rest = rest.slice(2);
  else if (rest.startsWith("//")) rest = rest.slice(2);
  if (rest === "" ) {
    throw new ConnectionError("url", `The SQLite URL "${text}" names no file.`, { hint: "Use sqlite:path/to/file.db or sqlite::memory:." });
  }
  const file = rest === ":memory:" ? ":memory:" : isAbsolute(rest) ? rest : resolve(baseDir, rest);
  return { dialect: "sqlite", raw: text, file, params };
}

/** A URL for display: the password masked. */
export function displayUrl(url: DatabaseUrl): string {
  return url.dialect === "sqlite" ? `sqlite:${url.file}` : redactUrl(url.raw);
}
