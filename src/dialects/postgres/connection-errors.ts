/**
 * Turns `pg` connection failures into ConnectionErrors a user can act on. Every message passes
 * through redactSecret so neither the URL's password nor the password on its own can leak.
 */
import { ConnectionError } from "../../errors.js";
import { redactSecret } from "../../core/database-url.js";
import type { DatabaseUrl } from "../../core/database-url.js";

/** Network error codes that mean "nothing answered at that address". */
const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ECONNRESET: "connection reset by the server",
};

interface DriverError {
  code?: string;
  message?: string;
  errors?: DriverError[];
}

/** The error code of a driver error; Node reports dual-stack failures as an AggregateError. */
function errorCode(error: DriverError): string | undefined {
  return error.code ?? error.errors?.find((e) => e.code)?.code;
}

/** "host:port" for messages (never the password). */
function describeServer(url: DatabaseUrl): string {
  return `${url.host ?? url.params.host ?? "localhost"}:${url.port ?? url.params.port ?? 5432}`;
}

/** Maps an error thrown while connecting to a ConnectionError with the password masked. */
export function toConnectionError(error: unknown, url: DatabaseUrl, timeoutMs: number): ConnectionError {
  const e = (error ?? {}) as DriverError;
  const raw = e.message ?? String(error);
  const detail = redactSecret(raw, url.password);
  const where = describeServer(url);
  const code = errorCode(e);
  // The original error goes along for --verbose only when it cannot reveal the password.
  const cause = url.password && raw.includes(url.password) ? undefined : error;
  const user = url.user ?? "the default user";
  const database = url.database ?? url.user ?? "the default database";

  if (code === "28P01" || code === "28000" || /password|SASL|SCRAM|authentication/i.test(raw)) {
    return new ConnectionError("auth", `PostgreSQL at ${where} rejected the login for user "${user}": ${detail}`, {
      hint: "Check the user and password in the database URL (or DATABASE_URL) and the server's pg_hba.conf.",
      cause,
    });
  }
  if (code === "3D000") {
    return new ConnectionError("database-missing", `The database "${database}" does not exist on PostgreSQL at ${where}.`, {
      hint: `Create it with \`createdb ${database}\`, or fix the database name in the URL.`,
      cause,
    });
  }
  const reason = code ? UNREACHABLE[code] : undefined;
  const timedOut = /timeout|timed out/i.test(raw);
  if (reason || timedOut) {
    const why = reason ?? `no answer within ${Math.round(timeoutMs / 1000)} s`;
    return new ConnectionError("connection", `Could not connect to PostgreSQL at ${where}: ${why}.`, {
      hint: "Is the server running? Check the host and port in the database URL (add ?connect_timeout=<seconds> for slow networks).",
      cause,
    });
  }
  return new ConnectionError("connection", `Could not connect to PostgreSQL at ${where}: ${detail}`, {
    hint: "Check that the server is running and that the database URL (host, port, ssl parameters) is right.",
    cause,
  });
}
