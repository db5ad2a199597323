/** The kill loop (kill-loop.ts) on mysql; one file per dialect so the loops run in parallel. */
import { describeKillLoop } from "./kill-loop.js";

describeKillLoop("mysql");
