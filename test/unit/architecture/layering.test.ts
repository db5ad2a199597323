import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { layeringViolations, readSources } from "../../helpers/layering.js";

const SRC = fileURLToPath(new URL("../../../src", import.meta.url));

describe("layering of src/ (docs/architecture.md)", () => {
  it("holds for the sources as they are", () => {
    const sources = readSources(SRC);
    expect(sources.size).toBeGreaterThan(150);
    expect(layeringViolations(sources)).toEqual([]);
  });

  it("catches an upward import, an impure revisions/ and a dialect named or imported in the core", () => {
    const sources = readSources(SRC);
    const bad = new Map(sources);
    bad.set("revisions/graph.ts", `${sources.get("revisions/graph.ts")}\nimport { withDatabase } from "../runtime/database.js";\n`);
    bad.set("catalog/types.ts", `${sources.get("catalog/types.ts")}\nexport type { Operation } from "../operations/types.js";\n`);
    bad.set("autogenerate/compare.ts", `${sources.get("autogenerate/compare.ts")}\nimport { quoteMysql } from "../dialects/mysql/quote.js";\nconst isMy = (d: string) => d === "mysql";\n`);
    bad.set("commands/check.ts", `${sources.get("commands/check.ts")}\nimport { current } from "./current.js";\n`);
    bad.set("runtime/runner.ts", `${sources.get("runtime/runner.ts")}\nconsole.log("done");\n`);
    const details = layeringViolations(bad).map((v) => `${v.file}: ${v.detail}`);
    expect(details).toEqual(
      expect.arrayContaining([
        "revisions/graph.ts: imports upward: revisions → runtime (runtime/database.ts)",
        "revisions/graph.ts: revisions/ is pure and imports only errors, not runtime/database.ts",
        "catalog/types.ts: imports upward: catalog → operations (operations/types.ts)",
        "autogenerate/compare.ts: only dialects/mysql/ (and the registry) may import dialects/mysql/quote.ts",
        "autogenerate/compare.ts: names a dialect outside src/dialects/<name>/ (ask the Dialect interface or a capability flag instead)",
        "commands/check.ts: a command imports another command (commands/current.ts); move what they share to project/",
        "runtime/runner.ts: prints or exits outside cli/",
      ]),
    );
    expect(details).toHaveLength(7);
  });

  it("reads dynamic imports and type-only re-exports, and ignores comments", () => {
    const files = new Map([
      ["model/a.ts", `// import { x } from "../runtime/database.js"\n/** "mysql" */\nexport type { T } from "../catalog/types.js";`],
      ["core/b.ts", `const m = await import("../cli/main.js");`],
      ["core/c.ts", `import "../runtime/interrupt.js";`],
    ]);
    expect(layeringViolations(files)).toEqual([
      { file: "core/b.ts", detail: "imports upward: core → cli (cli/main.ts)" },
      { file: "core/c.ts", detail: "imports upward: core → runtime (runtime/interrupt.ts)" },
    ]);
  });
});
