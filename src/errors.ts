/**
 * Errors that a user's input causes (a bad file, query, parameter or option). The CLI prints their
 * message on one line and exits non-zero; it never prints a stack trace for them. Programming errors
 * stay ordinary `Error`s.
 *
 * @example
 * throw new UserError(`data/documents/x.txt: the file is empty`);
 */
export class UserError extends Error {
  /** The process exit code the CLI uses for this error. */
  readonly exitCode: number;

  constructor(message: string, options: { cause?: unknown; exitCode?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.exitCode = options.exitCode ?? 1;
  }
}

/** The message of any thrown value, on one line. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
