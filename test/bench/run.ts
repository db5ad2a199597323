/**
 * `npm run bench`: runs every benchmark and prints its numbers. Benchmarks measure; they never
 * assert on time.
 */
import { benchCliProcesses } from "./cli-processes.js";
import { benchGraphCommands } from "./graph-commands.js";
import { benchReflectCompare } from "./reflect-compare.js";

await benchCliProcesses();
for (const line of benchGraphCommands()) console.log(line);
await benchReflectCompare();
