import { lstat, mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { messageOf } from '../../shared/domain/format';
import { newestInstant, shiftInstants } from '../../shared/domain/timeshift';
import { resealReviews } from './cab-hash';
import { durableWrite } from './durable-write';
import { HostError } from './errors';
import type { OpenContext } from './open-file';
import { workbooksDir } from './paths';

// The bundled sample and the user's own copy of it.

/** The user's own copy of the bundled sample: the bundle itself is never edited. */
export async function sampleCopy(ctx: OpenContext, samplePath: string): Promise<string> {
  const target = join(workbooksDir(ctx.dataDir), basename(samplePath));
  const copied = await lstat(target).then(
    () => true,
    () => false,
  );
  if (copied) return target;
  const bundled = await readFile(samplePath).catch((error: unknown) => {
    throw new HostError(
      'not-found',
      `The sample workbook that ships with the app is missing: ${messageOf(error)}`,
    );
  });
  const bytes = freshSample(bundled, ctx.now());
  try {
    await mkdir(dirname(target), { recursive: true });
    await durableWrite(target, bytes, ctx.fs);
  } catch (error) {
    const message = `Could not copy the sample workbook to ${target}: ${messageOf(error)}`;
    throw new HostError('save-failed', message, '', { cause: error });
  }
  return target;
}

/**
 * The sample's story ends at a fixed moment; a new user's copy is moved so it ended a minute
 * ago, and its live wave reads as live. Bytes that do not parse are copied as they are: opening
 * them reports the problem properly.
 */
export function freshSample(bytes: Buffer, now: Date): Buffer {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return bytes;
  }
  const newest = newestInstant(value);
  if (newest === null || newest > now.getTime()) return bytes;
  // Every instant moves, so the CAB's hashes of the plan are worked out again for the moved plan.
  const moved = resealReviews(shiftInstants(value, now.getTime() - 60_000 - newest));
  return Buffer.from(`${JSON.stringify(moved, null, 2)}\n`);
}
