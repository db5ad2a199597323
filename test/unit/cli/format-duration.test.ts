import { describe, expect, it } from "vitest";
import { formatDuration } from "../../../src/cli/output.js";

describe("formatDuration", () => {
  it("uses ms below a second, seconds with one decimal below a minute, then minutes and seconds", () => {
    expect(formatDuration(0)).toBe("0 ms");
    expect(formatDuration(999.4)).toBe("999 ms");
    expect(formatDuration(1000)).toBe("1.0 s");
    expect(formatDuration(12_345)).toBe("12.3 s");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
  });
});
