/** The kill loop (kill-loop.ts) on postgres; one file per dialect so the loops run in parallel. */
import { describeKillLoop } from "./kill-loop.js";

describeKillLoop("postgres");
