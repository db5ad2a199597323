/**
 * The schema-model example in README.md must stay true: it is extracted, loaded and converted
 * exactly as `migrate` would, and the names it promises are checked.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { schemaFromModel } from "../../src/model/to-catalog.js";
import { REPO_ROOT } from "../helpers/project.js";

describe("README schema model example", () => {
  it("loads into the schema it describes", async () => {
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    const code = /## The schema model\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code, "README has a schema model example").toBeTruthy();
    const dir = join(REPO_ROOT, "test/.tmp");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `readme-model-${process.pid}.ts`);
    writeFileSync(file, (code as string).replace('from "athanor"', `from ${JSON.stringify(join(REPO_ROOT, "src/index.ts"))}`));
    const schema = schemaFromModel(await import(pathToFileURL(file).href));
    const orders = schema.tables.find((t) => t.name === "orders");
    expect(schema.tables.map((t) => t.name)).toEqual(["orders", "users"]);
    expect(schema.enums.map((e) => e.name)).toEqual(["order_status"]);
    expect(orders?.indexes.map((i) => i.name)).toEqual(["ix_orders_user_id_status"]);
    expect(orders?.foreignKeys.map((f) => [f.name, f.onDelete])).toEqual([["orders_user_id_fkey", "CASCADE"]]);
    expect(schema.tables.find((t) => t.name === "users")?.uniques.map((u) => u.name)).toEqual(["users_email_key"]);
  });
});
