/**
 * The interruption hub: a requested interruption rejects every raced promise with one
 * MigrateError carrying the signal's exit code, and says whether a session will unwind by itself.
 */
import { afterEach, describe, expect, it } from "vitest";
import { enterSession, interruptible, pendingInterruption, requestInterrupt, resetInterruption, throwIfInterrupted } from "../../../src/runtime/interrupt.js";

afterEach(() => resetInterruption());

describe("interruptions", () => {
  it("a raced promise settles normally while nothing is requested", async () => {
    await expect(interruptible(Promise.resolve(7))).resolves.toBe(7);
    await expect(interruptible(Promise.reject(new Error("own failure")))).rejects.toThrow("own failure");
    expect(pendingInterruption()).toBeUndefined();
    expect(() => throwIfInterrupted()).not.toThrow();
  });

  it("rejects a pending race with the signal's error and exit code", async () => {
    const never = new Promise<never>(() => undefined);
    const raced = interruptible(never);
    const leave = enterSession();
    expect(requestInterrupt("SIGTERM")).toBe(true);
    leave();
    await expect(raced).rejects.toMatchObject({ code: "interrupted", exitCode: 143, message: "Interrupted by SIGTERM." });
    // Later races and checkpoints fail at once with the same error.
    await expect(interruptible(Promise.resolve(1))).rejects.toBe(pendingInterruption());
    expect(() => throwIfInterrupted()).toThrow("Interrupted by SIGTERM.");
  });

  it("the first signal wins; with no open session the caller may exit at once", () => {
    expect(requestInterrupt("SIGINT")).toBe(false);
    requestInterrupt("SIGTERM");
    expect(pendingInterruption()).toMatchObject({ exitCode: 130, message: "Interrupted by SIGINT." });
  });

  it("leaving a session twice counts once", () => {
    const leave = enterSession();
    const other = enterSession();
    leave();
    leave();
    expect(requestInterrupt("SIGINT")).toBe(true);
    other();
  });
});
