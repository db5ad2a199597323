/**
 * Is a connection pooler between us and PostgreSQL? At login the server sends the client its
 * backend PID (with the cancel key); a pooler such as PgBouncer sends a key of its own instead,
 * since the client will be served by whichever server session is free. So one query —
 * pg_backend_pid(), read by the driver right after connecting, against the PID the connection
 * was told — answers it, whatever the pool's load. Probing for lost session state would not: with an idle pool, consecutive transactions
 * usually land on the same server session, and state seems to persist.
 *
 * Session and transaction pooling look alike from here; both get the lease lock, which is
 * correct under either (a session lock would hold under session pooling, but nothing cheap
 * tells the two apart).
 */
import type { Connection } from "../dialect.js";
import { reportedBackendPid } from "./driver.js";

/** Why a session-level lock would not hold on `conn`, or undefined when it talks to PostgreSQL directly. */
export async function sessionLockUnsafe(conn: Connection): Promise<string | undefined> {
  const pids = reportedBackendPid(conn);
  if (pids?.reported === undefined || pids.server === undefined || pids.reported === pids.server) return undefined;
  return `the connection goes through a pooler (it was given backend PID ${pids.reported} at login, the server session serving it is ${pids.server}), where a session-level lock may not hold`;
}
