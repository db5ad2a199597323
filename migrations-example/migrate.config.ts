import { defineConfig } from "athanor";

export default defineConfig({
  // DATABASE_URL or --url override this, e.g. postgres://postgres@127.0.0.1:5432/shop
  url: "sqlite:example.db",
  schema: "./schema.ts",
  migrations: "./migrations",
});
