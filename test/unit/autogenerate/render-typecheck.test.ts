import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { randomBytes } from "node:crypto";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderRevisionBodies } from "../../../src/autogenerate/render-revision.js";
import { renderedForm } from "../../../src/autogenerate/rendered-form.js";
import { renderSchemaModule } from "../../../src/pull/schema-module.js";
import { renderRevisionFile } from "../../../src/scripts/write-revision.js";
import { createOperations } from "../../../src/operations/create-operations.js";
import { reverseAll, reverseOperation } from "../../../src/operations/reverse.js";
import type { Operations } from "../../../src/operations/operations-api.js";
import { awkwardSchema, richOperations, richSchema } from "./render-fixtures.js";
import { Recorder } from "./evaluate-rendered.js";
import { compareSchemas, dialectCompareOptions } from "../../../src/autogenerate/compare.js";
import { loadDialect } from "../../../src/dialects/registry.js";
import type { DialectName } from "../../../src/core/dialect-name.js";
import type { DatabaseSchema } from "../../../src/catalog/types.js";
import { benchSchema } from "../../bench/bench-schema.js";

const root = resolve(import.meta.dirname, "../../..");
const tmp = join(root, "test/.tmp", `typecheck-${process.pid}-${randomBytes(4).toString("hex")}`);

const reversible = richOperations.filter((op) => {
  try {
    reverseOperation(op);
    return true;
  } catch {
    return false;
  }
});
const downgrade = reverseAll(reversible);
const bodies = renderRevisionBodies(richOperations, downgrade, ['column "users.name" may be a rename of "users.full_name"']);
const revisionSource = renderRevisionFile({
  id: "abcdef123456",
  message: "every operation kind",
  downRevisions: ["0123456789ab"],
  branchLabels: [],
  dependsOn: [],
  upgradeBody: bodies.upgradeBody,
  downgradeBody: bodies.downgradeBody,
  imports: bodies.imports,
  createDate: new Date("2026-01-01T00:00:00Z"),
});

/** What autogenerate writes for the 1,000-table benchmark schema on `dialect`: created from nothing, and dropped again. */
async function benchRevisions(dialect: DialectName): Promise<{ create: typeof bodies; drop: typeof bodies }> {
  const d = await loadDialect(dialect);
  const schema = benchSchema(1000);
  const empty: DatabaseSchema = { tables: [], enums: [] };
  const options = dialectCompareOptions(d);
  const bodiesFor = (target: DatabaseSchema, actual: DatabaseSchema) => {
    const ops = compareSchemas(target, actual, options).operations;
    return renderRevisionBodies(ops, reverseAll(ops));
  };
  return { create: bodiesFor(schema, empty), drop: bodiesFor(empty, schema) };
}
const DIALECTS: DialectName[] = ["postgres", "mysql", "sqlite"];
const bench = Object.fromEntries(await Promise.all(DIALECTS.map(async (d) => [d, await benchRevisions(d)] as const))) as Record<DialectName, Awaited<ReturnType<typeof benchRevisions>>>;
const fileOf = (b: typeof bodies, id: string, message: string): string =>
  renderRevisionFile({ id, message, downRevisions: [], branchLabels: [], dependsOn: [], upgradeBody: b.upgradeBody, downgradeBody: b.downgradeBody, imports: b.imports, createDate: new Date("2026-01-01T00:00:00Z") });

/** A file that must NOT compile: proves the check can fail and that "athanor" resolves to real types. */
const badSource = `import { varchar, type Operations } from "athanor";
export async function upgrade(op: Operations): Promise<void> {
  await op.addColumn("t", "c", 42);
  await op.alterColumn("t", "c", { type: varchar(10).notNull() as unknown as number });
}
`;

const files: Record<string, string> = {
  "abcdef123456_every_operation_kind.ts": revisionSource,
  "schema.ts": renderSchemaModule(richSchema, { dialect: "postgres" }),
  "awkward-schema.ts": renderSchemaModule(awkwardSchema),
  "bad.ts": badSource,
  ...Object.fromEntries(DIALECTS.flatMap((d) => [
    [`c${d.slice(0, 2)}00000000_create_1000_tables_${d}.ts`, fileOf(bench[d].create, `c${d.slice(0, 2)}00000000`, `create 1000 tables ${d}`)],
    [`d${d.slice(0, 2)}00000000_drop_1000_tables_${d}.ts`, fileOf(bench[d].drop, `d${d.slice(0, 2)}00000000`, `drop 1000 tables ${d}`)],
  ])),
};

let diagnostics: Map<string, readonly ts.Diagnostic[]>;
let globalDiagnostics: readonly ts.Diagnostic[];
let athanorResolved = false;

function compile(): void {
  const configFile = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true, baseUrl: root, paths: { athanor: [join(root, "src/index.ts")] } };
  const rootNames = Object.keys(files).map((name) => join(tmp, name));
  const program = ts.createProgram({ rootNames, options });
  athanorResolved = program.getSourceFile(join(root, "src/index.ts")) !== undefined;
  globalDiagnostics = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  diagnostics = new Map(rootNames.map((file) => [file, ts.getPreEmitDiagnostics(program, program.getSourceFile(file))]));
}

const describeDiagnostics = (list: readonly ts.Diagnostic[]): string[] =>
  list.map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    return `${where ? `${where.line + 1}:${where.character + 1} ` : ""}TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });

beforeAll(() => {
  mkdirSync(tmp, { recursive: true });
  for (const [name, source] of Object.entries(files)) writeFileSync(join(tmp, name), source);
  compile();
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("generated files type-check against athanor's public API", () => {
  it("resolves athanor to the source tree and has no option or global errors", () => {
    expect(athanorResolved).toBe(true);
    expect(describeDiagnostics(globalDiagnostics)).toEqual([]);
  });

  it.each(Object.keys(files).filter((f) => f !== "bad.ts"))("%s compiles without diagnostics", (name) => {
    expect(describeDiagnostics(diagnostics.get(join(tmp, name)) ?? [])).toEqual([]);
  });

  it("the deliberately wrong file does not compile (the check can fail)", () => {
    const codes = (diagnostics.get(join(tmp, "bad.ts")) ?? []).map((d) => d.code);
    expect(codes).toContain(2345);
    expect(codes).not.toContain(2307);
  });
});

describe("the revision for a 1,000-table schema reads like a hand-written one", () => {
  it.each(DIALECTS)("%s: the file is within 1.5x the size of its upgrade alone, and no generated file holds a `kind:` literal", (dialect) => {
    const { create, drop } = bench[dialect];
    const file = fileOf(create, "c0", "create");
    expect(file.length / create.upgradeBody.length).toBeLessThan(1.5);
    expect(create.downgradeBody).toContain('await op.dropTable("bench_t0999");');
    for (const b of [create, drop]) expect(b.upgradeBody + b.downgradeBody).not.toMatch(/\bkind:/);
    expect(file).not.toMatch(/\bkind:/);
  });
});

describe("the rendered revision file runs", () => {
  it("its upgrade and downgrade rebuild the operations they were rendered from", async () => {
    const file = join(tmp, "runnable.ts");
    const entry = pathToFileURL(join(root, "src/model/index.ts")).href;
    writeFileSync(file, revisionSource.replace(/ from "athanor";\n/, ` from ${JSON.stringify(entry)};\n`));
    const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { upgrade(op: Operations): Promise<void>; downgrade(op: Operations): Promise<void>; revision: string };
    expect(module.revision).toBe("abcdef123456");
    for (const [fn, expected] of [[module.upgrade, richOperations], [module.downgrade, downgrade]] as const) {
      const sink = new Recorder();
      const { operations, flush } = createOperations(sink);
      await fn(operations);
      await flush();
      expect(sink.received).toStrictEqual(expected.map(renderedForm));
    }
  });
});
