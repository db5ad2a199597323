/**
 * Offline `--sql` mode: renders the planned steps as one SQL script (DDL plus version-table
 * statements, wrapped in BEGIN/COMMIT per revision where the dialect has transactional DDL)
 * without connecting to a database.
 */
import type { Dialect } from "../dialects/dialect.js";
import type { VersionTableName } from "../core/version-table-name.js";
import type { RevisionGraph, Step } from "../revisions/index.js";
import type { RevisionModule } from "../scripts/import-revision.js";
import { directionVerb } from "./events.js";
import { OfflineSink } from "./offline-sink.js";
import { replayUpgrades } from "./replay-sink.js";
import { callRevision, loadStepModules, stepEndpoints } from "./revision-step.js";
import { planTransactions } from "./transaction-plan.js";
import { versionRowChanges } from "./version-store.js";

/**
 * Renders `steps` as SQL text, with the version table created first (IF NOT EXISTS). `before`:
 * the upgrades that lead to where the range starts, replayed first so the tables they leave are
 * known (nothing of them is printed).
 */
export async function renderOfflineSql(dialect: Dialect, graph: RevisionGraph, steps: Step[], versionTable: VersionTableName, before: Step[] = []): Promise<string> {
  let out = "";
  const sink = new OfflineSink(dialect, (text) => (out += text));
  await replayUpgrades(dialect, graph, before, sink.tracker);
  const modules = await loadStepModules(graph, steps);
  // Offline scripts wrap each revision on its own, whatever the config's transaction setting.
  const plan = planTransactions({ transactionalDdl: dialect.capabilities.transactionalDdl, setting: "revision", stepTransactional: modules.map((m) => m.transactional !== false) });
  for (const s of dialect.offlineScript?.prologue ?? []) sink.write(s);
  for (const s of dialect.versionTable.create(versionTable)) sink.write(s);
  for (const [i, step] of steps.entries()) {
    const revision = graph.get(step.revision);
    const { from, to } = stepEndpoints(step, revision?.downRevisions ?? []);
    out += `\n-- Running ${directionVerb(step.direction)} ${from || "<base>"} -> ${to || "<base>"}${revision?.message ? `, ${revision.message}` : ""}\n\n`;
    const mod = modules[i] as RevisionModule;
    const wrap = plan.steps[i] !== "none";
    if (wrap) out += "BEGIN;\n\n";
    sink.inTransaction = wrap;
    await callRevision(mod, step, sink);
    for (const s of versionRowChanges(dialect, versionTable, step.rowsBefore, step.rowsAfter)) sink.write(s);
    sink.inTransaction = false;
    if (wrap) out += "\nCOMMIT;\n";
  }
  const epilogue = dialect.offlineScript?.epilogue ?? [];
  if (epilogue.length) out += "\n";
  for (const s of epilogue) sink.write(s);
  return out;
}

/** Renders a stamp (version rows only) as SQL text. */
export function renderOfflineStamp(dialect: Dialect, before: string[], after: string[], versionTable: VersionTableName): string {
  let out = "";
  const sink = new OfflineSink(dialect, (text) => (out += text));
  for (const s of dialect.offlineScript?.prologue ?? []) sink.write(s);
  for (const s of dialect.versionTable.create(versionTable)) sink.write(s);
  for (const s of versionRowChanges(dialect, versionTable, before, after)) sink.write(s);
  for (const s of dialect.offlineScript?.epilogue ?? []) sink.write(s);
  return out;
}
