/**
 * A MySQL/MariaDB `--sql` script starts with `SET NAMES utf8mb4`, so replaying it through a
 * client whose default character set is something else (here latin1, forced) keeps non-ASCII
 * data as written. The script is replayed with the real mysql client and the row read back.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { useTestProject } from "../helpers/use-test-project.js";
import { queryTestDatabase } from "../helpers/version-rows.js";

const TEXT = "Zürich ✓ 東京 😀";

describe("MySQL --sql and non-ASCII data", () => {
  const ctx = useTestProject("mysql", {
    setup(project) {
      project.addRevision({
        id: "c1",
        upgrade: `  await op.execute("CREATE TABLE places (name varchar(100)) CHARACTER SET utf8mb4");\n  await op.execute(${JSON.stringify(`INSERT INTO places VALUES ('${TEXT}')`)});`,
      });
    },
  });

  it("begins with SET NAMES utf8mb4, and a latin1 client replays it intact", async ({ skip }) => {
    if (!ctx.available) skip();
    const r = ctx.project.run(["upgrade", "head", "--sql"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith("SET NAMES utf8mb4;\n")).toBe(true);
    const stamp = ctx.project.run(["stamp", "c1", "--sql"]);
    expect(stamp.stdout.startsWith("SET NAMES utf8mb4;\n")).toBe(true);
    const server = new URL(ctx.db.url);
    const args = ["--default-character-set=latin1", "-h", server.hostname, "-P", server.port || "3306", "-u", decodeURIComponent(server.username || "root")];
    if (server.password) args.push(`-p${decodeURIComponent(server.password)}`);
    execFileSync("mysql", [...args, server.pathname.slice(1)], { input: r.stdout });
    const rows = await queryTestDatabase(ctx.db, "SELECT name FROM places");
    expect(rows.map((row) => row.name)).toEqual([TEXT]);
  });
});
