import { describe, expect, it } from "vitest";
import { styles } from "../../../src/cli/colors.js";

describe("terminal styles", () => {
  it("wrap text in the 16-colour escape codes when enabled", () => {
    const c = styles(true);
    expect(c.red("ERROR:")).toBe("\u001b[31mERROR:\u001b[39m");
    expect(c.bold("x")).toBe("\u001b[1mx\u001b[22m");
    expect(c.dim("y")).toBe("\u001b[2my\u001b[22m");
  });

  it("reopen the outer style after a nested one closes the same attribute", () => {
    const c = styles(true);
    expect(c.yellow(`a ${c.green("b")} c`)).toBe("\u001b[33ma \u001b[32mb\u001b[39m\u001b[33m c\u001b[39m");
  });

  it("leave text as it is when colour is off, and empty text empty", () => {
    const plain = styles(false);
    for (const style of [plain.bold, plain.dim, plain.red, plain.green, plain.yellow, plain.cyan, plain.magenta]) expect(style("text")).toBe("text");
    expect(styles(true).cyan("")).toBe("");
  });
});
