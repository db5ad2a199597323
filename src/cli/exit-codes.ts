/**
 * Exit codes of the migrate CLI.
 */
export { EXIT_FAILURE, EXIT_USAGE } from "../errors.js";

/** Success. */
export const EXIT_OK = 0;
/** Interrupted by SIGINT (128 + 2), as shells report it. */
export const EXIT_SIGINT = 130;
/** Terminated by SIGTERM (128 + 15). */
export const EXIT_SIGTERM = 143;
