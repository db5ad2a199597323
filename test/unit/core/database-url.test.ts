import { describe, expect, it } from "vitest";
import { displayUrl, parseDatabaseUrl, redactSecret, redactUrl } from "../../../src/core/database-url.js";
import { MigrateError } from "../../../src/errors.js";

describe("parseDatabaseUrl", () => {
  it("parses postgres, postgresql, mysql and mariadb URLs", () => {
    expect(parseDatabaseUrl("postgres://u:p%40ss@db.example:5433/app?sslmode=require")).toMatchObject({
      dialect: "postgres",
      host: "db.example",
      port: 5433,
      user: "u",
      password: "p@ss",
      database: "app",
      params: { sslmode: "require" },
    });
    expect(parseDatabaseUrl("postgresql://h/x").dialect).toBe("postgres");
    expect(parseDatabaseUrl("mysql://root@127.0.0.1:3306/test")).toMatchObject({ dialect: "mysql", user: "root", database: "test" });
    expect(parseDatabaseUrl("mariadb://root@h/db").dialect).toBe("mysql");
  });

  it("resolves sqlite paths against the base folder, and keeps :memory:", () => {
    expect(parseDatabaseUrl("sqlite:data/app.db", "/proj").file).toBe("/proj/data/app.db");
    expect(parseDatabaseUrl("sqlite:/abs/app.db", "/proj").file).toBe("/abs/app.db");
    expect(parseDatabaseUrl("sqlite:///abs/app.db", "/proj").file).toBe("/abs/app.db");
    expect(parseDatabaseUrl("sqlite::memory:").file).toBe(":memory:");
  });

  it("rejects an unknown scheme, a malformed URL and a URL without host, masking the password", () => {
    const fail = (raw: string) => {
      try {
        parseDatabaseUrl(raw);
      } catch (error) {
        expect(error).toBeInstanceOf(MigrateError);
        return error as MigrateError;
      }
      throw new Error(`expected ${raw} to fail`);
    };
    const unknown = fail("oracle://scott:tiger@h/db");
    expect(unknown.code).toBe("url");
    expect(unknown.message).not.toContain("tiger");
    expect(fail("postgres://u:secret@/db").message).not.toContain("secret");
    expect(fail("sqlite:").code).toBe("url");
  });
});

describe("redaction", () => {
  it("masks passwords in URLs inside any text", () => {
    expect(redactUrl("could not connect to postgres://bob:hunter2@h:5432/db now")).toBe("could not connect to postgres://bob:***@h:5432/db now");
    expect(redactUrl("mysql://root@h/db")).toBe("mysql://root@h/db");
  });
  it("masks a known secret anywhere", () => {
    expect(redactSecret("password hunter2 rejected", "hunter2")).toBe("password *** rejected");
  });
  it("displays URLs without passwords", () => {
    expect(displayUrl(parseDatabaseUrl("postgres://u:pw@h/db"))).toBe("postgres://u:***@h/db");
  });
});
