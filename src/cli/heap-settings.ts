/**
 * V8's young generation, sized for a command-line run.
 *
 * V8 starts each semi-space of the young generation at 1 MiB and doubles it, up to 16 MiB, while
 * objects survive their first collection. A migration run keeps much of what it allocates (the
 * revision graph, two catalog snapshots, the revisions' modules), so the young generation grows
 * to its limit and stays there: about 30 MiB of peak memory that buys a long-running server fewer
 * pauses, and buys a run of a few seconds little (measured: 20–30 MiB less peak RSS for upgrade,
 * pull and autogenerate; upgrade CPU unchanged, a no-op autogenerate on 1,000 tables up to ~10%
 * more CPU in the extra scavenges).
 *
 * The growth factor is one of the few heap flags V8 reads after start-up, so it can be set here
 * rather than by re-spawning Node with `--max-semi-space-size`. A user who sizes the young
 * generation themselves (NODE_OPTIONS or node's own arguments) keeps their setting.
 */
import { setFlagsFromString } from "node:v8";

const USER_SIZING = /--(?:max-|min-)?semi-space|--semi-space-growth-factor/;

/** Keeps the young generation at its initial size unless the user sized it. */
export function keepYoungGenerationSmall(): void {
  const given = `${process.env.NODE_OPTIONS ?? ""} ${process.execArgv.join(" ")}`;
  if (USER_SIZING.test(given)) return;
  setFlagsFromString("--semi-space-growth-factor=1");
}
