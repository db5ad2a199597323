/**
 * Exit codes of the migrate CLI.
 */
export { EXIT_FAILURE, EXIT_USAGE } from "../errors.js";
/** 130 after SIGINT, 143 after SIGTERM, as shells report them. */
export { SIGNAL_EXIT_CODES } from "../runtime/interrupt.js";

/** Success. */
export const EXIT_OK = 0;
