/**
 * A throwaway PostgreSQL cluster of the test's own (initdb into a temporary folder, started on a
 * free loopback port), for tests that need server settings nobody else may share — a tiny lock
 * table, say — without touching the PostgreSQL other engineers' tests use. Needs initdb and
 * pg_ctl on PATH (the PostgreSQL server package); as root, the cluster runs as user postgres.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A running private cluster. */
export interface PrivatePostgres {
  url: string;
  stop(): void;
}

function onPath(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts a cluster with `settings` (postgresql.conf names) or returns undefined, loudly, when
 * initdb is missing — except under CI=true, where that throws.
 */
export async function startPrivatePostgres(settings: Record<string, string | number>): Promise<PrivatePostgres | undefined> {
  if (!onPath("initdb") || !onPath("pg_ctl")) {
    const message = "initdb/pg_ctl not found: the PostgreSQL server binaries are needed for a private cluster";
    if (process.env.CI === "true") throw new Error(`${message} (CI=true: this fails the run)`);
    console.warn(`\n!!!!! SKIPPING PRIVATE-POSTGRES TESTS — ${message}\n`);
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), "athanor-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()), Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()));
  const run = (command: string, args: string[]) => execFileSync(asRoot ? "runuser" : command, asRoot ? ["-u", "postgres", "--", command, ...args] : args, { stdio: "pipe" });
  const data = join(dir, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const options = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", "-c fsync=off", ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(" ");
  run("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-o", options, "-w", "start"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
