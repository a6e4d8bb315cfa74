import { z } from 'zod';
import { type ApiError, type HostApi, METHODS, type Method, type Reply } from '../../shared/contract';
import { DomainError } from '../../shared/domain/errors';
import { messageOf } from '../../shared/domain/format';
import { summarizeIssues, toFieldIssues } from '../../shared/schema/issues';
import { HostError } from './errors';

// The single door both shells (Electron IPC and the web socket) call. Whatever arrives is
// `unknown` until zod says otherwise; every failure comes back as a Reply, never a throw, and
// input that fails validation reaches no handler, so it changes nothing.

export async function invoke(api: HostApi, method: unknown, input: unknown): Promise<Reply<unknown>> {
  if (typeof method !== 'string' || !Object.hasOwn(METHODS, method)) {
    return failure({
      code: 'unknown-method',
      message: `Unknown request ${describeName(method)}; this version of Rollout War Room does not offer it.`,
      where: 'method',
      issues: [],
    });
  }
  const name = method as Method;
  try {
    const parsed = METHODS[name].safeParse(input);
    if (!parsed.success) return failure(invalidInput(name, parsed.error));
    const handler = api[name] as (value: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return failure(toApiError(name, error));
  }
}

export function toApiError(method: string, error: unknown): ApiError {
  if (error instanceof z.ZodError) return invalidInput(method, error);
  if (error instanceof DomainError || error instanceof HostError) {
    const issues = error instanceof DomainError ? error.issues : [];
    return { code: error.code, message: error.message, where: error.where, issues };
  }
  return {
    code: 'internal',
    message: `Something went wrong while handling ${method}: ${messageOf(error)}`,
    where: '',
    issues: [],
  };
}

function invalidInput(method: string, error: z.ZodError): ApiError {
  const issues = toFieldIssues(error);
  return {
    code: 'invalid-input',
    message: `The request ${method} was refused: ${summarizeIssues(issues)}`,
    where: issues[0]?.path ?? '',
    issues,
  };
}

const failure = (error: ApiError): Reply<never> => ({ ok: false, error });

/** A short, safe rendering of whatever was sent as a method name. */
function describeName(value: unknown): string {
  if (typeof value !== 'string') return `(a ${value === null ? 'null' : typeof value} instead of a name)`;
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}
