/** The `pg` package, loaded without its Cloudflare probe pulling in Node's fetch stack (fetch-probe-off.ts). */
import { restoreResponse } from "./fetch-probe-off.js";
import pg from "pg";

restoreResponse();

export default pg;
