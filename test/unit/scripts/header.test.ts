import { describe, expect, it } from "vitest";
import { parseRevisionHeader } from "../../../src/scripts/header.js";
import { renderRevisionFile, slugify } from "../../../src/scripts/write-revision.js";
import { ScriptError } from "../../../src/errors.js";

describe("parseRevisionHeader", () => {
  it("reads a file written from the template back into the same revision", () => {
    const text = renderRevisionFile({ id: "abc123", message: "add */ users", downRevisions: ["p1", "p2"], branchLabels: ["billing"], dependsOn: ["d1"], createDate: new Date("2026-11-21T12:00:00Z") });
    expect(parseRevisionHeader(text, "x.ts")).toEqual({
      id: "abc123",
      downRevisions: ["p1", "p2"],
      branchLabels: ["billing"],
      dependsOn: ["d1"],
      message: "add * / users",
      path: "x.ts",
      createDate: "2026-11-21T12:00:00Z",
    });
  });

  it("accepts single quotes, null and a single string", () => {
    const text = "export const revision = 'r1';\nexport const downRevision = null;\nexport const branchLabels = null;\n";
    expect(parseRevisionHeader(text, "r1.ts")).toMatchObject({ id: "r1", downRevisions: [], branchLabels: [], dependsOn: [] });
  });

  it.each([
    ["export const downRevision = null;", /missing `export const revision/],
    ['export const revision = "r1";', /missing `export const downRevision/],
    ['export const revision = "r1";\nexport const downRevision = parent();', /must be a literal/],
    ['export const revision = "r1";\nexport const revision = "r2";\nexport const downRevision = null;', /exported twice/],
  ])("reports a malformed header naming the file: %s", (text, message) => {
    expect(() => parseRevisionHeader(text, "/v/bad.ts")).toThrow(ScriptError);
    expect(() => parseRevisionHeader(text, "/v/bad.ts")).toThrow(/\/v\/bad\.ts/);
    expect(() => parseRevisionHeader(text, "/v/bad.ts")).toThrow(message);
  });
});

describe("slugify", () => {
  it("makes a file-name slug", () => {
    expect(slugify("Add Users & Orders!")).toBe("add_users_orders");
    expect(slugify("!!!")).toBe("revision");
    expect(slugify("x".repeat(60))).toHaveLength(40);
  });
});
