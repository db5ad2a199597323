/**
 * Commander wiring: every `migrate` command and option, each action a thin call into
 * src/commands plus printing. Nothing here decides behaviour. Command modules are imported when
 * their command runs, so a run loads only the code it uses.
 */
import { Command, Option } from "./commander.js";
import { loadConfig } from "../config/load.js";
import type { ResolvedConfig } from "../config/types.js";
import { UsageError } from "../errors.js";
import { detail, historyLine, infoJson, shortLine } from "./format.js";
import { drawGraph, GRAPH_FORMATS, graphDiagram, type GraphFormat } from "./history-graph.js";
import { formatDuration, Output } from "./output.js";
import type { StepTiming } from "../runtime/events.js";
import { packageVersion } from "./version.js";
import { directionVerb } from "../runtime/events.js";
import { registerSchemaCommands } from "./schema-commands.js";
import { registerLockCommands } from "./lock-commands.js";

/** Global options every command accepts. */
export interface GlobalOptions {
  config?: string;
  url?: string;
  verbose?: boolean;
  quiet?: boolean;
  json?: boolean;
}

/** Shared state of one CLI run. */
export interface CliContext {
  program: Command;
  output(): Output;
  config(): Promise<ResolvedConfig>;
}

/** `--lock-timeout`, shared by every command that takes the migration lock. */
function lockTimeoutOption(): Option {
  return new Option("--lock-timeout <seconds>", "how long to wait for another migrate to finish").argParser(seconds);
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--lock-timeout must be a number of seconds, got "${value}".`, { hint: "e.g. --lock-timeout 30" });
  return n;
}

/** Builds the commander program. */
export function buildProgram(): { program: Command; ctx: CliContext } {
  const program = new Command("migrate")
    .description("athanor — schema migrations for TypeScript (PostgreSQL, MySQL/MariaDB, SQLite)")
    .option("-c, --config <path>", "path to migrate.config.ts (default: found upward from the working directory)")
    .option("--url <url>", "database URL (overrides DATABASE_URL and the config)")
    .option("--verbose", "more detail, SQL statements, and stack traces on errors")
    .option("-q, --quiet", "print results only, no progress")
    .option("--json", "print results as JSON")
    .version(packageVersion(), "-V, --version", "print the athanor version")
    .showHelpAfterError("(run `migrate --help` for usage)")
    .exitOverride();

  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  let cached: Output | undefined;
  const ctx: CliContext = {
    program,
    output: () => (cached ??= new Output(globals())),
    config: () => loadConfig({ configPath: globals().config, url: globals().url }),
  };
  const out = ctx.output;
  const events = () => (e: Parameters<Output["event"]>[0]) => out().event(e);

  program
    .command("init [dir]")
    .description("create a project: migrate.config.ts, schema.ts and migrations/versions/")
    .action(async (dir: string | undefined) => {
      const { init } = await import("../commands/init.js");
      const result = await init(dir ?? ".");
      for (const f of result.created) out().line(`Created ${f}`);
      for (const f of result.skipped) out().line(`Kept existing ${f}`);
      out().json(result);
    });

  registerRevisionCommands(program, ctx);
  registerSchemaCommands(program, ctx);

  for (const direction of ["upgrade", "downgrade"] as const) {
    program
      .command(`${direction} ${direction === "upgrade" ? "[target]" : "<target>"}`)
      .description(direction === "upgrade" ? "apply revisions up to the target (default: head)" : "revert revisions down to the target (e.g. -1, base, <rev>)")
      .option("--sql", direction === "upgrade" ? "print the SQL instead of running it (offline; a from:to range is allowed)" : "print the SQL instead of running it (offline; needs a from:to range)")
      .addOption(lockTimeoutOption())
      .option("--resume", `continue the revision whose ${direction} stopped part-way (MySQL), skipping the statements that already ran`)
      .action(async (target: string | undefined, opts: { sql?: boolean; lockTimeout?: number; resume?: boolean }) => {
        const run = direction === "upgrade" ? (await import("../commands/upgrade.js")).upgrade : (await import("../commands/downgrade.js")).downgrade;
        const result = await run(await ctx.config(), { target: target ?? "head", sql: opts.sql, lockTimeout: opts.lockTimeout, resume: opts.resume, events: events(), echo: globals().verbose });
        if (result.sql !== undefined) out().raw(result.sql);
        else if (result.steps.length === 0) out().event({ type: "info", message: "Nothing to do: already at the target." });
        else if (result.timings) out().event({ type: "info", message: runSummary(direction, result.timings) });
        out().json({ steps: result.steps, timings: result.timings });
      });
  }

  program
    .command("stamp <revisions...>")
    .description("set the version table to the given revisions without running migrations")
    .option("--purge", "empty the version table first (also of revisions no file defines)")
    .option("--sql", "print the SQL instead of running it")
    .addOption(lockTimeoutOption())
    .action(async (targets: string[], opts: { purge?: boolean; sql?: boolean; lockTimeout?: number }) => {
      const { stamp } = await import("../commands/stamp.js");
      const result = await stamp(await ctx.config(), { targets, purge: opts.purge, sql: opts.sql, lockTimeout: opts.lockTimeout, events: events() });
      if (result.sql !== undefined) out().raw(result.sql);
      else out().event({ type: "info", message: `Stamped ${result.before.join(", ") || "<base>"} -> ${result.after.join(", ") || "<base>"}` });
      out().json(result);
    });

  registerLockCommands(program, ctx);

  program
    .command("current")
    .description("show the revisions recorded in the database, and any revision left partially applied")
    .option("--check-heads", "fail unless the database is at every head")
    .option("--strict", "fail when an applied revision's file changed since it was applied (also config strict: true)")
    .addHelpText("after", "\nWith --verbose, also lists applied revisions whose file changed since they were applied.")
    .action(async (opts: { checkHeads?: boolean; strict?: boolean }) => {
      const config = await ctx.config();
      const [{ current }, { describePartial }] = await Promise.all([import("../commands/current.js"), import("../runtime/partial-report.js")]);
      const result = await current(config, { checkHeads: opts.checkHeads, strict: opts.strict, files: globals().verbose });
      const c = out().chalk;
      for (const row of result.rows) out().line(`${c.bold(row)}${result.heads.includes(row) ? c.green(" (head)") : ""}`);
      for (const entry of result.partial) for (const line of describePartial(entry)) out().line(c.yellow(line));
      for (const changed of result.changed) out().line(c.yellow(`Changed since applied: ${changed.revision} (${changed.path})`));
      out().json(result);
    });

  program
    .command("resolve <revision>")
    .description("record how a partially applied revision ended, without running anything")
    .option("--applied", "its interrupted step is complete (finished by hand); also records an applied revision's edited file as it is now")
    .option("--rolled-back", "its interrupted step was undone (by hand): the database is as before that step")
    .addOption(lockTimeoutOption())
    .action(async (ref: string, opts: { applied?: boolean; rolledBack?: boolean; lockTimeout?: number }) => {
      if (Boolean(opts.applied) === Boolean(opts.rolledBack)) {
        throw new UsageError("Say how the revision ended: pass exactly one of --applied and --rolled-back.", { hint: "See `migrate current` for what ran, then e.g. `migrate resolve <rev> --applied`." });
      }
      const outcome = opts.applied ? "applied" : "rolled-back";
      const { resolve } = await import("../commands/resolve.js");
      const result = await resolve(await ctx.config(), { revision: ref, outcome, lockTimeout: opts.lockTimeout, events: events() });
      const what = result.direction === null ? `Recorded the file of ${result.revision} as applied` : `Recorded the ${directionVerb(result.direction)} of ${result.revision} as ${outcome}`;
      out().event({ type: "info", message: `${what}; version table: ${result.after.join(", ") || "<base>"}` });
      out().json(result);
    });

  program
    .command("heads")
    .description("show the current heads of the revision graph")
    .option("--resolve-dependencies", "treat dependsOn like parents when deciding what is a head")
    .action(async (opts: { resolveDependencies?: boolean }) => {
      const { heads } = await import("../commands/heads.js");
      const list = await heads(await ctx.config(), opts);
      for (const i of list) out().line(globals().verbose ? detail(i, out().chalk) : shortLine(i, out().chalk));
      out().json(list.map(infoJson));
    });

  program
    .command("branches")
    .description("show the branch points of the revision graph")
    .action(async () => {
      const { branches } = await import("../commands/branches.js");
      const list = await branches(await ctx.config());
      const c = out().chalk;
      for (const i of list) {
        out().line(globals().verbose ? detail(i, c) : historyLine(i, c));
        for (const child of i.children) out().line(`${" ".repeat(i.revision.id.length)} -> ${child}`);
      }
      out().json(list.map(infoJson));
    });

  program
    .command("history")
    .description("list revisions, newest first")
    .option("-r, --rev-range <range>", "only revisions in from:to (either side optional; `current` allowed)")
    .option("-i, --indicate-current", "mark the revisions in the version table")
    .option("--graph", "draw the revision graph in the terminal, like git log --graph")
    .addOption(new Option("--format <format>", "write the graph as a diagram").choices([...GRAPH_FORMATS]))
    .action(async (opts: { revRange?: string; indicateCurrent?: boolean; graph?: boolean; format?: GraphFormat }) => {
      const { history } = await import("../commands/history.js");
      const list = await history(await ctx.config(), { range: opts.revRange, indicateCurrent: opts.indicateCurrent });
      if (opts.format) out().line(graphDiagram(list, opts.format));
      else if (opts.graph) for (const line of drawGraph(list, (i) => historyLine(i, out().chalk))) out().line(line);
      else for (const i of list) out().line(globals().verbose ? detail(i, out().chalk) : historyLine(i, out().chalk));
      out().json(list.map(infoJson));
    });

  program
    .command("show <revision>")
    .description("show one revision")
    .action(async (ref: string) => {
      const { show } = await import("../commands/show.js");
      const i = await show(await ctx.config(), ref);
      out().line(detail(i, out().chalk));
      out().json(infoJson(i));
    });

  return { program, ctx };
}

function registerRevisionCommands(program: Command, ctx: CliContext): void {
  const out = ctx.output;
  program
    .command("revision")
    .description("create a new revision file")
    .requiredOption("-m, --message <message>", "what the revision does")
    .option("--head <revision>", "parent: a head, <label>@head, or base for a new root", "head")
    .option("--splice", "allow a parent that is not a head (starts a branch)")
    .option("--branch-label <label>", "name the branch this revision starts (repeatable)", collect)
    .option("--depends-on <revision>", "a revision that must be applied first (repeatable)", collect)
    .option("--rev-id <id>", "use this revision id instead of a random one")
    .option("--version-path <dir>", "write into this version location")
    .option("--autogenerate", "fill upgrade/downgrade by comparing schema.ts with the database")
    .option("--allow-empty", "with --autogenerate: write a file even when nothing changed")
    .action(async (opts: { message: string; head: string; splice?: boolean; branchLabel?: string[]; dependsOn?: string[]; revId?: string; versionPath?: string; autogenerate?: boolean; allowEmpty?: boolean }) => {
      const config = await ctx.config();
      if (opts.autogenerate) {
        const { autogenerateRevision } = await import("../commands/autogenerate.js");
        const auto = await autogenerateRevision(config, { ...opts, events: (e) => out().event(e) });
        if (!auto.written) {
          out().event({ type: "info", message: "No changes detected: the database matches the model. No file written (use --allow-empty to write one anyway)." });
          out().json({ revision: null, operations: 0 });
          return;
        }
        out().line(`Generated ${auto.written.path}`);
        out().json({ revision: auto.written.revision.id, path: auto.written.path, operations: auto.operations.length });
        return;
      }
      const { revision } = await import("../commands/revision.js");
      const result = await revision(config, opts);
      out().line(`Generated ${result.path}`);
      out().json({ revision: result.revision.id, path: result.path });
    });

  program
    .command("merge <revisions...>")
    .description("create a revision that joins two or more heads (e.g. `merge heads`)")
    .requiredOption("-m, --message <message>", "what the merge is for")
    .option("--branch-label <label>", "label for the merged branch (repeatable)", collect)
    .option("--rev-id <id>", "use this revision id instead of a random one")
    .action(async (revisions: string[], opts: { message: string; branchLabel?: string[]; revId?: string }) => {
      const { merge } = await import("../commands/merge.js");
      const result = await merge(await ctx.config(), { revisions, ...opts });
      out().line(`Generated ${result.path}`);
      out().json({ revision: result.revision.id, path: result.path });
    });
}

/** The closing line of an upgrade or downgrade: how many revisions, how long, and the slowest when there were several. */
function runSummary(direction: "upgrade" | "downgrade", timings: readonly StepTiming[]): string {
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  const count = `${timings.length} revision${timings.length === 1 ? "" : "s"}`;
  const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
  const tail = timings.length > 1 ? ` (slowest: ${slowest.revision}, ${formatDuration(slowest.ms)})` : "";
  return `${direction === "upgrade" ? "Upgraded" : "Downgraded"} ${count} in ${formatDuration(total)}${tail}.`;
}
