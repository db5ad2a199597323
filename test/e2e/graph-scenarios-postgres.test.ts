/** The Alembic graph scenarios (graph-scenarios.ts) on postgres; one file per dialect so they run in parallel. */
import { describeGraphScenarios } from "./graph-scenarios.js";

describeGraphScenarios("postgres");
