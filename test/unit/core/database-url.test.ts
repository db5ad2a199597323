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

describe("passwords however they are spelled", () => {
  // Each password is written into the URL as is, unencoded: the mask must still cover all of it.
  const passwords = ["p@ss:w/rd%", "a@b@c", "50%off", "x:y:z", "sl/ash", "q?u#e", "%zz@%", "@", "::", "//@//"];
  it.each(passwords)("masks every character of %j between user: and the host's @", (password) => {
    const text = `failed: postgres://bob:${password}@db.example:5432/app (and mysql://root:${password}@h/x) end`;
    const out = redactUrl(text);
    expect(out).toBe("failed: postgres://bob:***@db.example:5432/app (and mysql://root:***@h/x) end");
    for (const piece of password.split(/[@:/%?#]/).filter((p) => p.length > 1)) expect(out).not.toContain(piece);
  });

  it("a password with raw @ still parses (the host's @ is the last one)", () => {
    expect(parseDatabaseUrl("postgres://bob:p@ss@h/db")).toMatchObject({ host: "h", user: "bob", password: "p@ss", database: "db" });
  });

  it("a bad percent-escape is a URL error with a hint, and shows no part of the password", () => {
    for (const raw of ["postgres://bob:50%zz@h/db", "mysql://root:%@h/db", "postgres://b%g:pw@h/db", "postgres://u@h/d%b"]) {
      let error: unknown;
      try {
        parseDatabaseUrl(raw);
      } catch (e) {
        error = e;
      }
      expect(error, raw).toBeInstanceOf(MigrateError);
      const e = error as MigrateError;
      expect(e.code).toBe("url");
      expect(e.message).toMatch(/malformed percent-escape/);
      expect(e.hint).toMatch(/%25/);
      expect(e.message).not.toContain("50%zz");
    }
  });
});
