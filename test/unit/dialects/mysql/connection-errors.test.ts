/** How driver failures map to ConnectionErrors, with the password masked even if a message echoes it. */
import { describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "../../../../src/core/database-url.js";
import { toConnectionError } from "../../../../src/dialects/mysql/connection-errors.js";
import { connectionOptions } from "../../../../src/dialects/mysql/driver.js";

const PASSWORD = "pa:ss@w0rd";
const url = parseDatabaseUrl(`mysql://app:${encodeURIComponent(PASSWORD)}@db.example:3307/shop?charset=utf8mb4&ssl=true`);

function driverError(code: string, errno: number, message: string): Error {
  return Object.assign(new Error(message), { code, errno });
}

describe("mysql connection errors", () => {
  it.each([
    ["ECONNREFUSED", -111, "connection"],
    ["ENOTFOUND", -3008, "connection"],
    ["ETIMEDOUT", -110, "connection"],
    ["ER_ACCESS_DENIED_ERROR", 1045, "auth"],
    ["ER_DBACCESS_DENIED_ERROR", 1044, "auth"],
    ["ER_BAD_DB_ERROR", 1049, "database-missing"],
    ["HANDSHAKE_SSL_ERROR", 0, "connection"],
  ])("%s becomes %s without the password", (code, errno, expected) => {
    const e = toConnectionError(driverError(code, errno, `failed for mysql://app:${PASSWORD}@db.example and ${PASSWORD}`), url);
    expect(e.code).toBe(expected);
    expect(e.hint).toBeTruthy();
    for (const text of [e.message, e.hint ?? ""]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(encodeURIComponent(PASSWORD));
    }
  });

  it("suggests CREATE DATABASE for a missing database", () => {
    expect(toConnectionError(driverError("ER_BAD_DB_ERROR", 1049, "Unknown database 'shop'"), url).hint).toContain("CREATE DATABASE `shop`");
  });

  it("builds driver options from the URL: one statement per call, text dates, UTC", () => {
    expect(connectionOptions(url)).toMatchObject({
      host: "db.example",
      port: 3307,
      user: "app",
      password: PASSWORD,
      database: "shop",
      multipleStatements: false,
      dateStrings: true,
      supportBigNumbers: true,
      timezone: "Z",
      charset: "utf8mb4",
      ssl: {},
    });
  });
});
