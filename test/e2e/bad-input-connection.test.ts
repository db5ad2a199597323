/**
 * Bad database URLs and connections: a malformed or unknown URL, a refused connection, a wrong
 * password (never printed), a database that does not exist. Each is one message with a hint,
 * exit code 1, no stack trace, and nothing is created.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_URLS, serverAvailable } from "../helpers/databases.js";
import { TestProject, type CliRun } from "../helpers/project.js";
import { STACK_LINE } from "./reliability-helpers.js";

const SECRET = "Sup3r-s3cret-Pw";

let project: TestProject;

beforeAll(() => {
  project = new TestProject("sqlite:unused.db");
  project.addRevision({ id: "a1", upgrade: `  await op.execute("CREATE TABLE ta (id integer)");` });
});

afterAll(() => project?.remove());

function withDatabase(base: string, database: string, password?: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  if (password) u.password = password;
  return u.toString();
}

function expectConnectionError(r: CliRun, message: RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toMatch(/^ERROR: /);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toMatch(/\nhint: /);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toContain(SECRET);
  expect(r.stdout).not.toContain(SECRET);
  expect(project.takeCalls()).toEqual([]);
}

describe("bad URLs", () => {
  it("an unknown scheme lists the accepted forms", () => {
    expectConnectionError(project.run(["upgrade", "--url", `oracle://scott:${SECRET}@db/x`]), /Unknown database URL scheme "oracle:"/);
  });

  it("a URL that does not parse, with its password masked", () => {
    expectConnectionError(project.run(["upgrade", "--url", `postgres://user:${SECRET}@[bad/x`]), /is not a valid URL/);
  });

  it("an SQLite path in a folder that does not exist creates nothing", () => {
    const r = project.run(["upgrade", "--url", "sqlite:no/such/dir/app.db"]);
    expectConnectionError(r, /the directory .*no\/such\/dir does not exist/);
    expect(existsSync(join(project.dir, "no"))).toBe(false);
  });

  it("DATABASE_URL is used when no --url is given, and masked too", () => {
    expectConnectionError(project.run(["current"], { DATABASE_URL: `postgres://u:${SECRET}@127.0.0.1:1/x` }), /Could not connect to PostgreSQL at 127\.0\.0\.1:1: connection refused/);
  });
});

describe.each(["postgres", "mysql"] as const)("connection failures on %s", (dialect) => {
  let available = true;
  beforeAll(async () => {
    available = await serverAvailable(dialect);
  });

  it("a refused connection names the host and port", ({ skip }) => {
    if (!available) skip();
    const url = dialect === "postgres" ? `postgres://postgres:${SECRET}@127.0.0.1:1/x` : `mysql://root:${SECRET}@127.0.0.1:1/x`;
    expectConnectionError(project.run(["upgrade", "--url", url]), /127\.0\.0\.1:1/);
  });

  it("a database that does not exist says how to create it, and is not created", async ({ skip }) => {
    if (!available) skip();
    const name = `athanor_missing_${Date.now().toString(36)}`;
    const r = project.run(["upgrade", "--url", withDatabase(SERVER_URLS[dialect], name)]);
    expectConnectionError(r, new RegExp(`The database "${name}" does not exist`));
    expect(r.stderr).toMatch(dialect === "postgres" ? /createdb/ : /CREATE DATABASE/);
    const again = project.run(["current", "--url", withDatabase(SERVER_URLS[dialect], name)]);
    expect(again.code).toBe(1);
  });

  it("a wrong password is refused and never printed", ({ skip }) => {
    // The local PostgreSQL trusts every login, so only MariaDB can refuse a password here.
    if (!available || dialect !== "mysql") skip();
    const r = project.run(["upgrade", "--url", withDatabase(SERVER_URLS.mysql, "test", SECRET)]);
    expectConnectionError(r, /MySQL refused the login for user "root"/);
    const verbose = project.run(["--verbose", "upgrade", "--url", withDatabase(SERVER_URLS.mysql, "test", SECRET)]);
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).not.toContain(SECRET);
  });
});
