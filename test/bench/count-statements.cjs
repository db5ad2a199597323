// Preload for the CLI-process benchmark (`node -r ./count-statements.cjs bin/migrate.js …`):
// counts the statements athanor sends through its drivers (pg Client#query, better-sqlite3
// Database#prepare and #exec, mysql2 Connection#query and #execute) and, at exit, writes
// {"statements": N, "maxRssKb": K, "cpuMs": C} to $ATHANOR_BENCH_STATS.
"use strict";
const fs = require("node:fs");
let statements = 0;

function wrap(proto, names) {
  for (const name of names) {
    const original = proto && proto[name];
    if (typeof original !== "function") continue;
    proto[name] = function (...args) {
      statements++;
      return original.apply(this, args);
    };
  }
}

// Wrapped when athanor first loads them (Module._load sees ESM imports of CommonJS packages too),
// so the preload itself loads no driver and a run's start-up cost is its own.
const wrapped = new Set();
const Module = require("node:module");
const originalLoad = Module._load;
Module._load = function (...args) {
  const exports = originalLoad.apply(this, args);
  if (exports && !wrapped.has(exports)) {
    if (typeof exports === "function" && exports.prototype && typeof exports.prototype.prepare === "function" && typeof exports.prototype.exec === "function") {
      wrapped.add(exports);
      wrap(exports.prototype, ["prepare", "exec"]); // better-sqlite3
    } else if (typeof exports === "object" && exports.Client && exports.Pool && exports.Client.prototype && typeof exports.Client.prototype.query === "function") {
      wrapped.add(exports);
      wrap(exports.Client.prototype, ["query"]); // pg
    } else if (typeof exports === "object" && exports.Connection && typeof exports.createConnection === "function" && exports.Connection.prototype && typeof exports.Connection.prototype.execute === "function") {
      wrapped.add(exports);
      wrap(exports.Connection.prototype, ["query", "execute"]); // mysql2 (its promise API calls these)
    }
  }
  return exports;
};

process.on("exit", () => {
  const out = process.env.ATHANOR_BENCH_STATS;
  if (!out) return;
  const usage = process.resourceUsage();
  fs.writeFileSync(out, JSON.stringify({ statements, maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
});
