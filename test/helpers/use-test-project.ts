/**
 * The database-and-project fixture of the end-to-end tests, as vitest hooks. It lives apart from
 * project.ts because importing vitest outside its runner throws, and the benchmarks (run by tsx)
 * import project.ts.
 */
import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, serverAvailable, type TestDatabase, type TestDialect } from "./databases.js";
import { TestProject } from "./project.js";

/** How useTestProject prepares its project. */
export interface TestProjectOptions {
  /** Extra migrate.config.ts properties, as TypeScript source (the TestProject constructor's `configExtra`). */
  configExtra?: string;
  /** Runs last in beforeAll, once the database and project exist: add revisions, write files, run a first upgrade. */
  setup?(project: TestProject, db: TestDatabase): void | Promise<void>;
}

/** The database and project of one describe block, read through getters once its beforeAll has run. */
export interface LiveTestProject {
  /** False when the dialect's server is unreachable; every test then skips. */
  readonly available: boolean;
  /** The fresh database; reading it before beforeAll ran, or when the server is unreachable, throws. */
  readonly db: TestDatabase;
  /** The project whose config points at `db`; same rule as `db`. */
  readonly project: TestProject;
}

/**
 * Registers the beforeAll/afterAll pair that the database-backed end-to-end tests share, in the
 * describe block it is called from: when the server for `dialect` answers, a fresh database and a
 * project on it (then `setup`); afterwards both are removed, even when setup threw.
 */
export function useTestProject(dialect: TestDialect, options: TestProjectOptions = {}): LiveTestProject {
  let available = true;
  let db: TestDatabase | undefined;
  let project: TestProject | undefined;
  beforeAll(async () => {
    available = await serverAvailable(dialect);
    if (!available) return;
    db = await createTestDatabase(dialect);
    project = new TestProject(db.url, options.configExtra);
    await options.setup?.(project, db);
  });
  afterAll(async () => {
    project?.remove();
    await db?.drop();
  });
  // Throwing beats handing out undefined: a test that forgot its skip fails with this message.
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} of useTestProject(${JSON.stringify(dialect)}) does not exist: read it in a test that skips when !available`);
    return value;
  };
  return {
    get available() {
      return available;
    },
    get db() {
      return ready(db, "database");
    },
    get project() {
      return ready(project, "project");
    },
  };
}
