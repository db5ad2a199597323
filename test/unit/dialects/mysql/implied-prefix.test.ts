import { describe, expect, it } from "vitest";
import type { IndexSchema } from "../../../../src/catalog/types.js";
import { markImpliedPrefixes } from "../../../../src/dialects/mysql/implied-prefix.js";

const index = (length: number, column = "body"): IndexSchema => ({ name: "ix", elements: [{ column, length }], unique: false, where: null, using: null });
const bytesPerChar = new Map([["body", 4], ["latin", 1], ["mb3", 3]]);

describe("markImpliedPrefixes", () => {
  it("marks the prefix MariaDB cuts an over-long key part to, per engine and character set", () => {
    const cases: [IndexSchema, string, boolean][] = [
      [index(768), "InnoDB", true],
      [index(3072, "latin"), "InnoDB", true],
      [index(1024, "mb3"), "InnoDB", true],
      [index(250), "MyISAM", true],
      [index(575), "Aria", true],
      [index(100), "InnoDB", false],
      [index(768), "MyISAM", false],
      [index(768), "MEMORY", false],
    ];
    for (const [ix, engine, implied] of cases) {
      markImpliedPrefixes([ix], { engine, rowFormat: "Dynamic", bytesPerChar });
      expect(!!(ix.elements[0] as { lengthImplied?: boolean }).lengthImplied, `${engine} ${JSON.stringify(ix.elements[0])}`).toBe(implied);
    }
  });

  it("marks nothing where InnoDB refuses instead of cutting (COMPACT, REDUNDANT), nor on unknown columns", () => {
    const compact = index(191);
    markImpliedPrefixes([compact], { engine: "InnoDB", rowFormat: "Compact", bytesPerChar });
    expect(compact.elements[0]).toEqual({ column: "body", length: 191 });
    const unknown = index(768, "other");
    markImpliedPrefixes([unknown], { engine: "InnoDB", rowFormat: "Dynamic", bytesPerChar });
    expect(unknown.elements[0]).toEqual({ column: "other", length: 768 });
  });
});
