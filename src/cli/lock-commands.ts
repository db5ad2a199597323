/**
 * `migrate lock status` and `migrate unlock --if-stale`: who holds the migration lock, and
 * removing a lease whose run has died. Printing only; the commands decide.
 */
import type { Command } from "commander";
import type { Styles } from "./colors.js";
import type { LeaseState } from "../dialects/dialect.js";
import { UsageError } from "../errors.js";
import type { LockStatus } from "../runtime/lock-status.js";
import type { CliContext } from "./commands.js";
import { formatDuration } from "./output.js";

/** One lease in words: who, since when, the heartbeat's age, and live or stale. */
function leaseLines(lease: LeaseState, c: Styles): string[] {
  const state = lease.stale
    ? c.yellow(`stale: expired ${formatDuration(-lease.expiresInMs)} ago (its run stopped renewing it; \`migrate unlock --if-stale\` removes it, and the next run takes it over anyway)`)
    : c.green(`live: expires in ${formatDuration(lease.expiresInMs)} unless renewed`);
  return [
    `Lease held by run ${c.bold(lease.owner)} on host ${lease.host} (pid ${lease.pid})`,
    `  since:     ${lease.acquiredAt} (${formatDuration(lease.heldMs)} ago)`,
    `  heartbeat: ${lease.heartbeatAt} (${formatDuration(lease.heartbeatAgeMs)} ago)`,
    `  ${state}`,
  ];
}

function sessionLine(session: NonNullable<LockStatus["session"]>): string {
  const app = session.application ? `, application "${session.application}"` : "";
  const from = session.client ? `, from ${session.client}` : "";
  return `Session lock held by backend PID ${session.pid}${app}${from} (released when that session ends)`;
}

/** Registers `lock status` and `unlock`. */
export function registerLockCommands(program: Command, ctx: CliContext): void {
  const out = ctx.output;
  const lock = program.command("lock").description("inspect the migration lock (see also `migrate unlock`)");
  lock
    .command("status")
    .description("who holds the migration lock: the lease (owner, host, pid, since, heartbeat age, stale or live) and any session lock")
    .action(async () => {
      const { lockStatus } = await import("../commands/lock-status.js");
      const status = await lockStatus(await ctx.config());
      const c = out().chalk;
      if (status.lease) for (const line of leaseLines(status.lease, c)) out().line(line);
      if (status.session) out().line(sessionLine(status.session));
      if (!status.lease && !status.session) out().line(`The migration lock is free (no lease in ${status.table}, no session lock).`);
      out().json(status);
    });

  program
    .command("unlock")
    .description("remove a stale lease lock (one whose run stopped renewing it); never a live one")
    .option("--if-stale", "remove the lease only if it is stale (required: a live lease is never removed)")
    .action(async (opts: { ifStale?: boolean }) => {
      if (!opts.ifStale) {
        throw new UsageError("`migrate unlock` removes only a stale lease: pass --if-stale.", {
          hint: "`migrate lock status` shows who holds the lock and whether it is stale; a live lease is never removed.",
        });
      }
      const { unlock } = await import("../commands/unlock.js");
      const result = await unlock(await ctx.config());
      const c = out().chalk;
      if (result.removed) {
        out().line(`Removed the stale lease of run ${result.removed.owner} on host ${result.removed.host} (pid ${result.removed.pid}), last heartbeat ${formatDuration(result.removed.heartbeatAgeMs)} ago.`);
      } else out().line("Nothing to remove: no lease is held.");
      if (result.session) out().line(c.yellow(`${sessionLine(result.session)}; unlock cannot remove a session lock.`));
      out().json(result);
    });
}
