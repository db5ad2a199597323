import { describe, expect, it } from "vitest";
import { countOf, groupDigits } from "../../../src/core/count.js";

describe("counts in messages", () => {
  it("groups digits by three with commas", () => {
    expect([0, 7, 999, 1000, 12345, 1234567].map(groupDigits)).toEqual(["0", "7", "999", "1,000", "12,345", "1,234,567"]);
  });
  it("says one noun or many", () => {
    expect([countOf(1, "table"), countOf(0, "table"), countOf(1000, "model table")]).toEqual(["1 table", "0 tables", "1,000 model tables"]);
  });
});
