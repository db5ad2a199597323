/**
 * The pure revision graph: building and validating it, resolving targets, planning steps and
 * listing history. No file system, no database.
 */
export { RevisionGraph, type WalkOptions } from "./graph.js";
export { resolveRevision } from "./resolve.js";
export { resolveDowngradeTarget, resolveTarget, resolveTargets, type Direction, type DowngradeTarget } from "./targets.js";
export { appliedRevisions, atHeads, checkRows, normalizeRows, versionRows } from "./rows.js";
export { planDowngrade, planStamp, planUpgrade, type StampOptions, type Step } from "./plan.js";
export { historyOrder, historyRange, parseRange, type RevisionRange } from "./history.js";
export { REVISION_ID_MAX_LENGTH, REVISION_ID_PATTERN, type Revision } from "./types.js";
