/**
 * `migrate stamp REV...`: sets the version table to the given revisions without running any
 * migration. All-or-nothing: every target is resolved and the new rows computed before anything
 * is written. `--purge` empties the table first (also of rows no file knows). Refused while a
 * revision is partially applied: `migrate resolve` settles that first.
 */
import type { ResolvedConfig } from "../config/types.js";
import { checkRows, planStamp, resolveTargets } from "../revisions/index.js";
import { configuredDialect, withDatabase } from "../runtime/database.js";
import type { EventSink } from "../runtime/events.js";
import { renderOfflineStamp } from "../runtime/offline-runner.js";
import { partialRevisionError } from "../runtime/partial-report.js";
import { loadProject } from "../project/project.js";

/** Options of stamp. */
export interface StampOptions {
  targets: string[];
  purge?: boolean;
  sql?: boolean;
  lockTimeout?: number;
  events: EventSink;
}

/** What stamp did. */
export interface StampResult {
  before: string[];
  after: string[];
  sql?: string;
}

/** Stamps the version table. */
export async function stamp(config: ResolvedConfig, options: StampOptions): Promise<StampResult> {
  const { graph } = loadProject(config);
  if (options.sql) {
    const { dialect } = await configuredDialect(config);
    const after = planStamp(graph, [], resolveTargets(graph, options.targets, [], "up"), { purge: true });
    return { before: [], after, sql: renderOfflineStamp(dialect, [], after, config.versionTable) };
  }
  return withDatabase(config, { lock: true, lockTimeoutSeconds: options.lockTimeout, onLockWait: (url) => options.events({ type: "lock-wait", url }), events: options.events }, async (session) => {
    const before = await session.store.read();
    if (!options.purge) checkRows(graph, before);
    // Stamping over a half-applied revision would hide it; `migrate resolve` is the way to settle it.
    const partial = await session.log.partial();
    if (partial.length > 0) throw partialRevisionError(partial);
    const known = options.purge ? [] : before;
    const after = planStamp(graph, known, resolveTargets(graph, options.targets, known, "up"), { purge: options.purge ?? false });
    const { conn, store } = session;
    await store.ensure();
    // Row changes are plain DML, transactional on every dialect (InnoDB too): all or nothing.
    await conn.begin();
    await store.write(before, after);
    await conn.commit();
    return { before, after };
  });
}
