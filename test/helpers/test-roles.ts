/**
 * PostgreSQL roles for tests of what names roles (policies). Roles are cluster-wide, so each
 * test run creates its own, uniquely named, and drops them afterwards. Register the hooks before
 * useTestProject: vitest runs afterAll hooks last-registered first, so the roles are dropped after
 * the database whose policies name them (a role something depends on cannot be dropped).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import pg from "pg";
import { SERVER_URLS, serverAvailable } from "./databases.js";

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URLS.postgres });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Roles `<base>_<random>` for each base name, created in beforeAll (NOLOGIN) and dropped in
 * afterAll; `names[base]` is the role's real name. Nothing happens when PostgreSQL is unreachable.
 */
export function useTestRoles<B extends string>(bases: readonly B[]): { readonly names: Record<B, string> } {
  const suffix = randomBytes(4).toString("hex");
  const names = Object.fromEntries(bases.map((b) => [b, `${b}_${suffix}`])) as Record<B, string>;
  let created = false;
  beforeAll(async () => {
    if (!(await serverAvailable("postgres"))) return;
    for (const name of Object.values<string>(names)) await onServer(`CREATE ROLE "${name}" NOLOGIN`);
    created = true;
  });
  afterAll(async () => {
    if (!created) return;
    for (const name of Object.values<string>(names)) await onServer(`DROP ROLE IF EXISTS "${name}"`);
  });
  return { names };
}
