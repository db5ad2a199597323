/**
 * Turns mysql2 connection failures into ConnectionErrors a user can act on. The password is
 * masked in every message, even though MySQL's own messages never contain it.
 */
import { ConnectionError } from "../../errors.js";
import { displayUrl, redactSecret } from "../../core/database-url.js";
import type { DatabaseUrl } from "../../core/database-url.js";
import { quoteIdentifier } from "./quote.js";

/** Network-level failures: the server was not reached at all. */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET", "EAI_AGAIN", "PROTOCOL_CONNECTION_LOST"]);

/** Server error numbers that mean the login was refused. */
const AUTH_ERRNOS = new Set([
  1044, // ER_DBACCESS_DENIED_ERROR: the user may not use this database
  1045, // ER_ACCESS_DENIED_ERROR
  1251, // ER_NOT_SUPPORTED_AUTH_MODE
  1698, // ER_ACCESS_DENIED_NO_PASSWORD_ERROR
]);

/** ER_BAD_DB_ERROR: the database named in the URL does not exist. */
const ER_BAD_DB_ERROR = 1049;

interface DriverError {
  code?: string;
  errno?: number;
  message?: string;
}

/** "host:port" for messages. */
function serverLabel(url: DatabaseUrl): string {
  return `${url.host ?? "localhost"}:${url.port ?? 3306}`;
}

/** Maps an error thrown while connecting to a ConnectionError with the password masked. */
export function toConnectionError(error: unknown, url: DatabaseUrl): ConnectionError {
  const e = (typeof error === "object" && error !== null ? error : {}) as DriverError;
  const detail = redactSecret(e.message ?? String(error), url.password);
  const where = redactSecret(displayUrl(url), url.password);
  if (e.errno === ER_BAD_DB_ERROR || e.code === "ER_BAD_DB_ERROR") {
    const name = url.database ?? "";
    return new ConnectionError("database-missing", `The database "${name}" does not exist on ${serverLabel(url)} (${where}).`, {
      hint: `Create it first: CREATE DATABASE ${quoteIdentifier(name)} CHARACTER SET utf8mb4;`,
      cause: error,
    });
  }
  if ((e.errno !== undefined && AUTH_ERRNOS.has(e.errno)) || e.code === "ER_ACCESS_DENIED_ERROR") {
    return new ConnectionError("auth", `MySQL refused the login for user "${url.user ?? ""}" at ${serverLabel(url)}: ${detail}`, {
      hint: "Check the user name and password in the URL (percent-encode special characters) and the user's grants.",
      cause: error,
    });
  }
  if (e.code !== undefined && NETWORK_CODES.has(e.code)) {
    return new ConnectionError("connection", `Cannot reach the MySQL server at ${serverLabel(url)} (${where}): ${detail}`, {
      hint: "Check that the MySQL/MariaDB server is running and that the host and port in the URL are right.",
      cause: error,
    });
  }
  return new ConnectionError("connection", `Connecting to MySQL at ${serverLabel(url)} failed: ${detail}`, {
    hint: "Check the database URL and the server's log.",
    cause: error,
  });
}
