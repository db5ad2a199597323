/**
 * What `migrate upgrade` and `migrate downgrade` share: plan the steps to the target and run them under the
 * migration lock — or, with --sql, render them as a script without connecting.
 */
import type { ResolvedConfig } from "../config/types.js";
import { MigrateError, UsageError } from "../errors.js";
import { checkRows, parseRange, planDowngrade, planUpgrade, resolveDowngradeTarget, resolveTarget, type Step } from "../revisions/index.js";
import { configuredDialect, withDatabase } from "../runtime/database.js";
import { directionVerb, type EventSink, type StepTiming } from "../runtime/events.js";
import { renderOfflineSql } from "../runtime/offline-runner.js";
import { partialRevisionError, resumeCommand } from "../runtime/partial-report.js";
import type { LogEntry } from "../runtime/revision-log.js";
import { runSteps } from "../runtime/runner.js";
import { loadProject, type Project } from "./project.js";

/** Options of upgrade and downgrade. */
export interface MigrateOptions {
  /** The target, e.g. "head", "+1", "ae10", "label@head"; with sql, may be "from:to". */
  target: string;
  /** Offline: return SQL instead of running it. */
  sql?: boolean;
  /** Overrides the config's lock timeout (seconds). */
  lockTimeout?: number;
  events: EventSink;
  /** Report each statement as an event. */
  echo?: boolean;
  /** Continue the revision that did not finish last time, skipping its statements that already ran. */
  resume?: boolean;
}

/** What upgrade/downgrade did. */
export interface MigrateResult {
  steps: Step[];
  /** How long each step took (online runs only). */
  timings?: StepTiming[];
  /** Offline SQL, with --sql. */
  sql?: string;
}

/** Which way a run goes. */
export type Direction = "up" | "down";

function plan(project: Project, direction: Direction, current: string[], target: string): Step[] {
  const { graph } = project;
  return direction === "up"
    ? planUpgrade(graph, current, resolveTarget(graph, target, current, "up"))
    : planDowngrade(graph, current, resolveDowngradeTarget(graph, target, current));
}

async function offline(project: Project, direction: Direction, spec: string): Promise<MigrateResult> {
  const { dialect } = await configuredDialect(project.config);
  let start: string[] = [];
  let target = spec;
  if (spec.includes(":")) {
    const range = parseRange(spec);
    // The start of the range stands in for the database's current rows.
    if (range.from) start = resolveTarget(project.graph, range.from, [], "up");
    target = range.to ?? (direction === "up" ? "heads" : "base");
  } else if (direction === "down") {
    throw new UsageError("Offline downgrade needs a range: `migrate downgrade <from>:<to> --sql`.", {
      hint: "Without a database athanor cannot know the current revision; give it as the start of the range.",
    });
  }
  const steps = plan(project, direction, start, target);
  // The tables at the start of the range are what the upgrades leading there made of them.
  const before = start.length > 0 ? planUpgrade(project.graph, [], start) : [];
  return { steps, sql: await renderOfflineSql(dialect, project.graph, steps, project.config.versionTable, before) };
}

/** The unfinished step `--resume` continues; errors when there is none or it went the other way. */
function resumeEntry(partial: LogEntry[], direction: Direction): LogEntry {
  const entry = partial[0];
  if (!entry) {
    throw new UsageError("Nothing to resume: no revision is partially applied.", { hint: "Run the command without --resume." });
  }
  if (entry.direction !== direction) {
    throw new MigrateError("partial-revision", `Revision ${entry.revision} stopped in the middle of its ${directionVerb(entry.direction)}, so it cannot be resumed by a ${directionVerb(direction)}.`, {
      hint: `Run \`${resumeCommand(entry)}\`, or \`migrate resolve ${entry.revision} --applied|--rolled-back\` after finishing or undoing it by hand.`,
    });
  }
  return entry;
}

/** Plans and runs (or, with `sql`, renders) the steps from the current revisions to the target. */
export async function runMigration(config: ResolvedConfig, direction: Direction, options: MigrateOptions): Promise<MigrateResult> {
  const project = loadProject(config);
  if (options.sql) {
    if (options.resume) throw new UsageError("--resume cannot be combined with --sql.", { hint: "Resume against the database, without --sql." });
    return offline(project, direction, options.target);
  }
  if (options.target.includes(":")) {
    throw new UsageError(`A range like "${options.target}" is only valid with --sql.`, { hint: "Give a single target, e.g. `head` or `-1`." });
  }
  return withDatabase(config, { lock: true, lockTimeoutSeconds: options.lockTimeout, onLockWait: (url) => options.events({ type: "lock-wait", url }), events: options.events }, async (session) => {
    const current = await session.store.read();
    checkRows(project.graph, current);
    // Read under the lock: a step left unfinished by a run that died (or failed on MySQL) blocks everything else.
    const partial = await session.log.partial();
    if (partial.length > 0 && !options.resume) throw partialRevisionError(partial);
    const resume = options.resume ? resumeEntry(partial, direction) : undefined;
    const steps = plan(project, direction, current, options.target);
    if (resume && !steps.some((s) => s.revision === resume.revision)) {
      throw new UsageError(`The target "${options.target}" does not include revision ${resume.revision}, the one to resume.`, {
        hint: `Resume towards a target beyond it, e.g. \`migrate ${directionVerb(direction)} --resume ${direction === "up" ? "head" : "-1"}\`.`,
      });
    }
    const timings = await runSteps(session, project.graph, steps, { transaction: config.transaction, events: options.events, echo: options.echo, resume });
    return { steps, timings };
  });
}
