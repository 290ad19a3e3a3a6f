/** Exit codes of every command, documented in docs/cli.md. */
export const EXIT = { ok: 0, failures: 1, usage: 2 } as const;

/**
 * A mistake in how the command was called (an unknown option, a missing path, settings that are not
 * valid): printed as one line on stderr, exit code 2, never a stack trace.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose `--help` to point at. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The program name as users type it after `npx`. */
export const PROGRAM = 'eslint-plugin-lambda-hygiene';
