import { defineConfig } from "athanor";

export default defineConfig({
  // DATABASE_URL and --url take precedence over this.
  // postgres://user@127.0.0.1:5432/app · mysql://root@127.0.0.1:3306/app · sqlite:app.db
  url: "sqlite:app.db",
  schema: "./schema.ts",
  migrations: "./migrations",
});
