/**
 * V8 settings for a command-line run: a small young generation, and no optimizing compiler.
 * Both are among the few flags V8 reads after start-up, so they are set here rather than by
 * re-spawning Node; a user who sets either themselves (NODE_OPTIONS or node's own arguments)
 * keeps their setting.
 *
 * Young generation: V8 starts each semi-space at 1 MiB and doubles it, up to 16 MiB, while
 * objects survive their first collection. A migration run keeps much of what it allocates (the
 * revision graph, two catalog snapshots, the revisions' modules), so the young generation grows
 * to its limit and stays there: about 30 MiB of peak memory that buys a long-running server fewer
 * pauses, and buys a run of a few seconds little (measured: 20–30 MiB less peak RSS for upgrade,
 * pull and autogenerate; upgrade CPU unchanged, a no-op autogenerate on 1,000 tables up to ~10%
 * more CPU in the extra scavenges).
 *
 * Optimizing compiler (TurboFan): it compiles hot functions on background threads, whose
 * compile memory stays with the process, and pays off only where a run spends its time in a few
 * hot loops. Measured without it (the interpreter and Sparkplug's baseline code still run): peak
 * RSS of an upgrade of 1,000 revisions 86 → 74 MiB on SQLite and 87 → 79 on PostgreSQL, of
 * `current` 57 → 53 MiB, wall time the same and CPU time 10–20% lower. The commands that compare
 * schemas are the exception: parsing thousands of catalog rows and comparing them is such a loop
 * (a no-op autogenerate on 1,000 PostgreSQL tables: 1.55 s with TurboFan, 1.73 s without, for
 * 17 MiB more), so `revision`, `check` and `pull` keep it.
 */
import { setFlagsFromString } from "node:v8";

const USER_SIZING = /--(?:max-|min-)?semi-space|--semi-space-growth-factor/;
const USER_TIERING = /--(?:no-)?(?:opt|turbofan|maglev)\b|--max-opt\b|--always-opt\b/;

/** The commands whose run is CPU-bound comparison of schemas: they keep the optimizing compiler. */
const COMPARING = new Set(["revision", "check", "pull"]);

/**
 * Keeps the young generation at its initial size, and the optimizing compiler off unless the
 * command compares schemas (`argv`: the CLI's arguments; any word naming such a command counts,
 * since a false match only keeps V8's default), unless the user chose otherwise.
 */
export function tuneV8ForShortRun(argv: readonly string[]): void {
  const given = `${process.env.NODE_OPTIONS ?? ""} ${process.execArgv.join(" ")}`;
  if (!USER_SIZING.test(given)) setFlagsFromString("--semi-space-growth-factor=1");
  if (!USER_TIERING.test(given) && !argv.some((word) => COMPARING.has(word))) setFlagsFromString("--no-opt");
}
