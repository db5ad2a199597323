/** The `commander` package, loaded without node:child_process (child-process-deferred.ts). */
import { restoreRequire } from "./child-process-deferred.js";
import { Command, CommanderError, Option } from "commander";

restoreRequire();

export { Command, CommanderError, Option };
