/**
 * Advisory lock ids on PostgreSQL: a bigint derived from a name, the same in every process (and
 * every athanor version), and how pg_locks shows it.
 */
import { sha256 } from "../../core/sha256.js";

/**
 * The advisory lock id for `key`: the first 8 bytes of its SHA-256 as a signed 64-bit integer.
 * Returned as a decimal string because it does not fit a JavaScript number.
 */
export function advisoryLockId(key: string): string {
  return BigInt.asIntN(64, BigInt(`0x${sha256(key).slice(0, 16)}`)).toString();
}

/** How pg_locks shows a bigint advisory lock: high and low 32 bits as classid and objid. */
export function lockLocator(id: string): { classid: string; objid: string } {
  const unsigned = BigInt.asUintN(64, BigInt(id));
  return { classid: (unsigned >> 32n).toString(), objid: (unsigned & 0xffffffffn).toString() };
}
