/**
 * Connection failures as the dialect integration tests check them: the driver's error must come
 * out as a ConnectionError, and no secret from the URL may reach anything a user could be shown.
 */
import { expect } from "vitest";
import { parseDatabaseUrl } from "../../src/core/database-url.js";
import type { Dialect } from "../../src/dialects/dialect.js";
import { ConnectionError } from "../../src/errors.js";

/**
 * Connects to `url` with `dialect`, expecting that to fail. Asserts the failure is a
 * ConnectionError whose message, hint and stack contain none of `secrets` (pass every form a
 * password may take, e.g. also its URL encoding), and returns it for the caller's own checks.
 */
export async function expectConnectionFailure(dialect: Dialect, url: string, secrets: string[]): Promise<ConnectionError> {
  const error = await dialect.connect(parseDatabaseUrl(url)).then(
    async (conn) => {
      await conn.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectionError);
  const e = error as ConnectionError;
  for (const text of [e.message, e.hint ?? "", String(e.stack)]) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
  return e;
}
