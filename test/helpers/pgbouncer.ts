/**
 * A PgBouncer of the test's own, in transaction pooling mode, on a free loopback port in front of
 * the test PostgreSQL server: its ini and user list in a temporary folder, every database passed
 * through (`* =`), fewer server sessions than clients so consecutive transactions of one client
 * do land on different server sessions. PgBouncer refuses to run as root, so as root it runs as
 * user postgres. A missing pgbouncer skips loudly, and fails under CI=true (.ci/run installs it).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { SERVER_URLS } from "./databases.js";
import { freePort } from "./private-postgres.js";

/** A running PgBouncer. */
export interface PgBouncer {
  port: number;
  /** The URL of `directUrl`'s database through this PgBouncer. */
  url(directUrl: string): string;
  /** What PgBouncer logged so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

/** How many server sessions PgBouncer keeps per database and user. */
export const POOL_SIZE = 4;

function pgbouncerBinary(): string | undefined {
  const found = spawnSync("sh", ["-c", "command -v pgbouncer || ls /usr/sbin/pgbouncer"], { encoding: "utf8" });
  const path = found.stdout.trim().split("\n")[0];
  return found.status === 0 && path ? path : undefined;
}

function userId(name: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync("id", [flag, name], { encoding: "utf8" }).stdout.trim());
  return { uid: id("-u"), gid: id("-g") };
}

/** Starts PgBouncer, or returns undefined (loudly) when it is not installed — except under CI=true, where that throws. */
export async function startPgBouncer(): Promise<PgBouncer | undefined> {
  const binary = pgbouncerBinary();
  if (!binary) {
    const message = "pgbouncer not found (Debian: apt-get install pgbouncer; .ci/run installs it)";
    if (process.env.CI === "true") throw new Error(`${message} (CI=true: the PgBouncer tests fail the run)`);
    console.warn(`\n!!!!! SKIPPING PGBOUNCER TESTS — ${message}\n`);
    return undefined;
  }
  const server = new URL(SERVER_URLS.postgres);
  const user = decodeURIComponent(server.username || "postgres");
  const dir = mkdtempSync(join(tmpdir(), "athanor-pgbouncer-"));
  const port = await freePort();
  const logFile = join(dir, "pgbouncer.log");
  writeFileSync(join(dir, "userlist.txt"), `"${user}" ""\n`);
  writeFileSync(
    join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port || 5432}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      `default_pool_size = ${POOL_SIZE}`,
      "max_client_conn = 200",
      `logfile = ${logFile}`,
      `pidfile = ${join(dir, "pgbouncer.pid")}`,
      "ignore_startup_parameters = extra_float_digits,options",
      "",
    ].join("\n"),
  );
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? userId("postgres") : undefined;
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const child: ChildProcess = spawn(binary, [join(dir, "pgbouncer.ini")], { stdio: ["ignore", "ignore", "pipe"], ...(ids ?? {}) });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const log = (): string => {
    try {
      return readFileSync(logFile, "utf8") + stderr;
    } catch {
      return stderr;
    }
  };
  const url = (directUrl: string): string => {
    const u = new URL(directUrl);
    u.hostname = "127.0.0.1";
    u.port = String(port);
    return u.toString();
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Up when it answers a query; bounded so a broken setup fails instead of hanging.
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    const client = new pg.Client({ connectionString: url(SERVER_URLS.postgres), connectionTimeoutMillis: 1000 });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end();
      return { port, url, log, stop };
    } catch {
      await client.end().catch(() => undefined);
      await sleep(100);
    }
  }
  const why = log();
  await stop();
  throw new Error(`pgbouncer did not come up on 127.0.0.1:${port}:\n${why}`);
}
