import { messageOf } from '../../shared/domain/format';

// Errors the host raises on purpose. Each has a stable code for programs and a message written
// for the person at the keyboard (often an incident commander mid-rollout), so say what happened
// and what to do next.

export type HostErrorCode =
  | 'read-only'
  | 'no-workbook'
  | 'not-found'
  | 'busy'
  | 'save-failed'
  | 'unsupported'
  | 'not-available'
  | 'invalid-name'
  | 'exists'
  | 'not-a-workbook'
  | 'file-locked'
  | 'not-a-backup'
  | 'bad-backup'
  | 'identity-required'
  | 'too-large';

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
    readonly where: string = '',
    /** The underlying failure (e.g. the disk error behind 'save-failed'). */
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HostError';
  }
}

/** The root cause's message: for wrapping an error in a message of our own. */
export function causeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return messageOf(cause);
}
