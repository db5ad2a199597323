/**
 * V8 settings for a command-line run: a young generation that does not grow, and the optimizing
 * compiler kept for code that is really hot. Both are among the flags V8 reads after start-up,
 * so they are set here rather than by re-spawning Node; a user who sets either themselves (node's
 * own arguments, or NODE_OPTIONS where Node allows it) keeps their setting.
 *
 * Young generation: V8 starts each semi-space at 1 MiB and doubles it, up to 16 MiB, while
 * objects survive their first collection. A migration run keeps much of what it allocates (the
 * revision graph, two catalog snapshots, the revisions' modules), so the young generation grows
 * to its limit and stays there: about 30 MiB of peak memory that buys a long-running server fewer
 * pauses, and buys a run of a few seconds little (measured: 20–30 MiB less peak RSS for upgrade,
 * pull and autogenerate; upgrade CPU unchanged, a no-op autogenerate on 1,000 tables up to ~10%
 * more CPU in the extra scavenges).
 *
 * Optimizing compiler (TurboFan): V8 optimizes a function once it has run through a budget of
 * bytecode, on background threads whose compile memory stays with the process. At V8's default
 * budget a run's own bookkeeping — warm, never hot — gets optimized for nothing; at 60 times it,
 * only loops that really spin do: a revision transforming rows in JavaScript, the comparison of
 * thousands of catalog rows. Measured against the default: upgrade of 1,000 revisions on SQLite
 * 85 → 78 MiB peak RSS, no-op autogenerate on 1,000 PostgreSQL tables 100 → 94 MiB and 1.47 →
 * 1.3 s CPU, wall time the same; a hot loop over 2 million rows is still optimized (0.9 s, where
 * it takes 1.4 s with TurboFan off, which saved 4 MiB more on the upgrade).
 *
 * Small functions: on a function's first tick of that budget V8 optimizes it at once when its
 * bytecode is short (81 bytes or less), and the path and URL helpers a run calls thousands of
 * times are short. Those dozen optimizations cost what TurboFan off saves: turning the shortcut
 * off (so a small function needs the ticks any function needs) took the upgrade of 1,000
 * revisions on SQLite from 77 to 73 MB peak RSS, as with TurboFan off, in the same time. A loop
 * that really spins is still optimized (on-stack, inside the function that runs it).
 */
import { setFlagsFromString } from "node:v8";

const USER_SIZING = /--(?:max-|min-)?semi-space|--semi-space-growth-factor/;
const USER_TIERING = /--(?:no-)?(?:opt|turbofan|maglev)\b|--max-opt\b|--always-opt\b|--interrupt-budget\b|--max-bytecode-size-for-early-opt\b/;

/** Bytecode a function runs through before V8 optimizes it: 60 times V8's own default (67,584). */
const HOT_CODE_BUDGET = 4_000_000;

/**
 * Commands that read the revision graph and the version table and run no code of a revision's:
 * nothing in them gets hot, so TurboFan is turned off outright, which V8 rewards with less memory
 * even where it would have optimized nothing (measured: `current` 56 → 52 MiB peak RSS, `history`
 * of 1,000 revisions 57 → 52 MiB, same time).
 */
const BOOKKEEPING_COMMANDS = new Set(["current", "heads", "history", "branches", "show"]);

/**
 * Keeps the young generation at its initial size and TurboFan for hot code only (off for a
 * bookkeeping command), unless the user chose otherwise. `argv`: the command line after the
 * script; its first word that is not an option names the command (when an option's value comes
 * first, the general setting holds).
 */
export function tuneV8ForShortRun(argv: readonly string[] = []): void {
  const given = `${process.env.NODE_OPTIONS ?? ""} ${process.execArgv.join(" ")}`;
  if (!USER_SIZING.test(given)) setFlagsFromString("--semi-space-growth-factor=1");
  if (USER_TIERING.test(given)) return;
  const command = argv.find((a) => !a.startsWith("-"));
  if (command !== undefined && BOOKKEEPING_COMMANDS.has(command)) return setFlagsFromString("--no-opt");
  setFlagsFromString(`--interrupt-budget=${HOT_CODE_BUDGET}`);
  setFlagsFromString("--max-bytecode-size-for-early-opt=0");
}
