/**
 * Faults of the network or the server, and URLs that do not parse, are user errors: one message
 * that says where it happened and what is known, a hint, exit 1 — never "a bug in athanor". The
 * connection is dropped for real, by the server, from inside the revision (PostgreSQL:
 * pg_terminate_backend; MariaDB: KILL from the mysql client, between two statements, so the drop
 * hits athanor's own write to the revision log).
 */
import { describe, expect, it } from "vitest";
import { SERVER_URLS } from "../helpers/databases.js";
import { TestProject } from "../helpers/project.js";
import { useTestProject } from "../helpers/use-test-project.js";
import { STACK_LINE } from "./reliability-helpers.js";

const NOT_A_BUG = /bug in athanor/;

describe("a URL with a bad percent-escape", () => {
  it("is a URL error with a hint, and no part of the password is printed", () => {
    const project = new TestProject("sqlite:unused.db");
    try {
      const r = project.run(["current", "--url", "postgres://bob:50%zzSecretPart@127.0.0.1:5432/x"]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/ERROR: The password in the database URL postgres:\/\/bob:\*\*\*@127\.0\.0\.1:5432\/x has a malformed percent-escape/);
      expect(r.stderr).toMatch(/hint: .*%25/);
      expect(r.stderr).not.toMatch(NOT_A_BUG);
      expect(r.stderr).not.toContain("SecretPart");
    } finally {
      project.remove();
    }
  });

  it("a raw @ / : % in the password is masked whole in the error", () => {
    const project = new TestProject("sqlite:unused.db");
    try {
      const r = project.run(["current", "--url", "postgres://bob:p@ss:w/rd%@127.0.0.1:1/x"]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).not.toMatch(/ss:w|rd%/);
      expect(r.stderr).not.toMatch(NOT_A_BUG);
    } finally {
      project.remove();
    }
  });
});

describe("PostgreSQL: the server terminates the session during a revision", () => {
  const live = useTestProject("postgres", {
    setup(project) {
      project.addRevision({ id: "p1", upgrade: `  await op.execute("CREATE TABLE lost_p (id integer)");\n  await op.execute("SELECT pg_terminate_backend(pg_backend_pid())");` });
    },
  });

  it("names the revision, says the transaction is rolled back, and is not a bug", ({ skip }) => {
    if (!live.available) skip();
    const r = live.project.run(["upgrade", "head"]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/ERROR: Lost the connection to postgres:.* during the upgrade of revision p1/);
    expect(r.stderr).toMatch(/rolls back the open transaction/);
    expect(r.stderr).toMatch(/\nhint: .*migrate current/);
    expect(r.stderr).not.toMatch(NOT_A_BUG);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(live.project.run(["current"]).stdout.trim()).toBe("");
  });
});

describe("MariaDB: the connection is killed while athanor writes its revision log", () => {
  const server = new URL(SERVER_URLS.mysql);
  const client = JSON.stringify(["-h", server.hostname, "-P", server.port || "3306", "-u", decodeURIComponent(server.username || "root"), ...(server.password ? [`-p${decodeURIComponent(server.password)}`] : [])]);
  const live = useTestProject("mysql", {
    setup(project) {
      project.addRevision({
        id: "m1",
        prelude: `import { execFileSync } from "node:child_process";`,
        upgrade: [
          `  const [row] = await op.query<{ id: number }>("SELECT CONNECTION_ID() AS id");`,
          `  await op.execute("CREATE TABLE lost_a (id integer)");`,
          `  await op.query("SELECT 1");`,
          `  execFileSync("mysql", [...${client}, "-e", "KILL " + Number(row.id)]);`,
          `  await op.execute("CREATE TABLE lost_b (id integer)");`,
        ].join("\n"),
      });
    },
  });

  it("names the revision and says it is partial, then current and upgrade agree", ({ skip }) => {
    if (!live.available) skip();
    const r = live.project.run(["upgrade", "head"]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/ERROR: Lost the connection to mysql:.* during the upgrade of revision m1/);
    expect(r.stderr).toMatch(/Revision m1 is partial: 3 of its statements had finished/);
    expect(r.stderr).toMatch(/may or may not have taken effect/);
    expect(r.stderr).toMatch(/\nhint: .*--resume.*migrate resolve m1/);
    expect(r.stderr).not.toMatch(NOT_A_BUG);
    expect(r.stderr).not.toMatch(STACK_LINE);
    const current = live.project.run(["current"]);
    expect(current.stdout + current.stderr).toMatch(/m1 is partially applied/);
    const again = live.project.run(["upgrade", "head"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Refusing to run: a revision did not finish last time/);
  });
});
