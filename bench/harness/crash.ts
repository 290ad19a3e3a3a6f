// What a handler process and the parent agree on about crashes.

/**
 * The exit code of a handler process that crashed: an uncaught exception, an `error` event emitted with
 * no listener, or a rejection no one handled. The Lambda runtime ends the execution environment on each.
 */
export const CRASH_EXIT_CODE = 70;
