/**
 * `npm run bench`: runs every benchmark and prints its numbers. Benchmarks measure; they never
 * assert on time.
 */
import { benchGraphCommands } from "./graph-commands.js";
import { benchReflectCompare } from "./reflect-compare.js";

for (const line of benchGraphCommands()) console.log(line);
await benchReflectCompare();
