/** The Alembic graph scenarios (graph-scenarios.ts) on mysql; one file per dialect so they run in parallel. */
import { describeGraphScenarios } from "./graph-scenarios.js";

describeGraphScenarios("mysql");
