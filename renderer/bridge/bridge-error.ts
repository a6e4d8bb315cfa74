import type { ApiError } from '../../shared/contract';

/** A refusal from the host, carrying its code and field issues so forms can place them inline. */
export class BridgeError extends Error implements ApiError {
  readonly code: string;
  readonly where: string;
  readonly issues: { path: string; message: string }[];

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'BridgeError';
    this.code = error.code;
    this.where = error.where;
    this.issues = error.issues;
  }
}

/** Normalizes anything thrown by a bridge call into something with a readable message. */
export function toBridgeError(err: unknown): BridgeError {
  if (err instanceof BridgeError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new BridgeError({ code: 'unexpected', message, where: '', issues: [] });
}

/** The host answers with a Reply; anything that is not one means the two sides disagree. */
export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

export function fromApiError(value: unknown): BridgeError {
  if (!isApiError(value)) {
    return new BridgeError({
      code: 'bad-reply',
      message: 'The host sent an error this window could not read.',
      where: '',
      issues: [],
    });
  }
  return new BridgeError({
    code: value.code,
    message: value.message,
    where: typeof value.where === 'string' ? value.where : '',
    issues: Array.isArray(value.issues) ? value.issues : [],
  });
}
