import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findConfigFile } from "../../../src/config/find.js";
import { resolveConfig } from "../../../src/config/load.js";
import { validateConfig } from "../../../src/config/validate.js";
import { ConfigError } from "../../../src/errors.js";

describe("resolveConfig", () => {
  it("takes the URL from --url, then DATABASE_URL, then the config", () => {
    const config = { url: "sqlite:from-config.db" };
    expect(resolveConfig(config, "/p/migrate.config.ts", "/p", "sqlite:flag.db", { DATABASE_URL: "sqlite:env.db" })).toMatchObject({ url: "sqlite:flag.db", urlSource: "--url" });
    expect(resolveConfig(config, "/p/migrate.config.ts", "/p", undefined, { DATABASE_URL: "sqlite:env.db" })).toMatchObject({ url: "sqlite:env.db", urlSource: "DATABASE_URL" });
    expect(resolveConfig(config, "/p/migrate.config.ts", "/p", undefined, { DATABASE_URL: "" })).toMatchObject({ url: "sqlite:from-config.db", urlSource: "config" });
  });

  it("applies defaults and resolves paths against the config folder", () => {
    const r = resolveConfig({ schema: "./schema.ts", versionLocations: ["extra"] }, "/p/migrate.config.ts", "/p", undefined, {});
    expect(r).toMatchObject({
      schemaFile: "/p/schema.ts",
      migrationsDir: "/p/migrations",
      versionsDir: "/p/migrations/versions",
      versionLocations: ["/p/extra"],
      versionTable: { name: "athanor_version", schema: null },
      transaction: "revision",
      lockTimeoutSeconds: 60,
      lock: "auto",
      strict: false,
    });
    expect(resolveConfig({ versionTable: { name: "v", schema: "ops" } }, undefined, "/p", undefined, {}).versionTable).toEqual({ name: "v", schema: "ops" });
  });
});

describe("validateConfig", () => {
  it("accepts a full config", () => {
    const config = { url: "sqlite:a.db", schema: "s.ts", migrations: "m", versionTable: "v", transaction: "command", lockTimeout: 5, lock: "table", strict: true, excludeTables: ["x"] };
    expect(validateConfig(config, "c.ts")).toEqual(config);
  });

  it.each([
    [null, /default export/],
    [[], /default export/],
    [{ urll: "x" }, /Unknown setting "urll"/],
    [{ url: 42 }, /"url" .* must be a non-empty string/],
    [{ transaction: "sometimes" }, /"transaction"/],
    [{ lockTimeout: -1 }, /"lockTimeout"/],
    [{ lock: "advisory" }, /"lock" .* must be "auto", "session" or "table"/],
    [{ versionTable: { schema: "x" } }, /"versionTable"/],
  ])("rejects %j", (value, message) => {
    expect(() => validateConfig(value, "c.ts")).toThrow(ConfigError);
    expect(() => validateConfig(value, "c.ts")).toThrow(message);
  });
});

describe("findConfigFile", () => {
  it("walks up from a nested folder", () => {
    const root = mkdtempSync(join(tmpdir(), "athanor-find-"));
    writeFileSync(join(root, "migrate.config.ts"), "export default {};\n");
    const nested = join(root, "a/b/c");
    mkdirSync(nested, { recursive: true });
    expect(findConfigFile(nested)).toBe(join(root, "migrate.config.ts"));
  });
});
