import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as ed from '@noble/ed25519';
import { z } from 'zod';
import { messageOf } from '../../shared/domain/format';
import { type DurableFs, durableWrite, isCode } from './durable-write';
import { HostError } from './errors';

// A CAB reviewer's own Ed25519 key, made on first use and kept in the per-user data folder
// (reviewer-key.json, owner-only permissions), never in a workbook. The secret half never leaves
// this process: windows get the public key and its fingerprint, and ask the host to sign.
// The fingerprint is what a reviewer reads out on the phone so the owner can trust their files.

export interface ReviewerKeyInfo {
  /** SHA-256 of the public key, first 128 bits, as 8 groups of 4 hex digits. */
  fingerprint: string;
  publicKey: string;
  createdAt: string;
}

const hex = z.string().regex(/^[0-9a-f]{64}$/);
const KeyFileSchema = z.strictObject({
  version: z.literal(1),
  secretKey: hex,
  publicKey: hex,
  createdAt: z.string(),
});
type KeyFile = z.infer<typeof KeyFileSchema>;

export const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const fromHex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

export function keyFingerprint(publicKeyHex: string): string {
  const digest = createHash('sha256').update(fromHex(publicKeyHex)).digest('hex').toUpperCase();
  return digest.slice(0, 32).match(/.{4}/g)!.join(' ');
}

/** True only for a valid signature of `message` by `publicKeyHex`; never throws. */
export async function verifySignature(
  signatureHex: string,
  message: Uint8Array,
  publicKeyHex: string,
): Promise<boolean> {
  try {
    return await ed.verifyAsync(fromHex(signatureHex), message, fromHex(publicKeyHex));
  } catch {
    // A malformed key or signature (not a curve point, wrong length) is simply not valid.
    return false;
  }
}

export class ReviewerKeys {
  private loading: Promise<KeyFile> | null = null;
  readonly path: string;

  constructor(
    dataDir: string,
    private readonly fs: DurableFs,
    private readonly now: () => Date,
  ) {
    this.path = join(dataDir, 'reviewer-key.json');
  }

  async info(): Promise<ReviewerKeyInfo> {
    const key = await this.key();
    return { fingerprint: keyFingerprint(key.publicKey), publicKey: key.publicKey, createdAt: key.createdAt };
  }

  /** Signs `message`; returns the signature and the public key that checks it, both hex. */
  async sign(message: Uint8Array): Promise<{ signature: string; publicKey: string }> {
    const key = await this.key();
    const signature = await ed.signAsync(message, fromHex(key.secretKey));
    return { signature: toHex(signature), publicKey: key.publicKey };
  }

  private key(): Promise<KeyFile> {
    // A failed load is retried next time (the user may fix the file); a good one is kept.
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  private async load(): Promise<KeyFile> {
    let text: string | null = null;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (!isCode(error, 'ENOENT')) {
        throw new HostError(
          'not-available',
          `Your reviewer key could not be read from ${this.path}: ${messageOf(error)}`,
        );
      }
    }
    if (text !== null) {
      const parsed = (() => {
        try {
          return KeyFileSchema.safeParse(JSON.parse(text));
        } catch {
          return null;
        }
      })();
      // Never replaced silently: a new key is a new identity, which the owner must confirm again.
      if (!parsed?.success) {
        throw new HostError(
          'not-available',
          `Your reviewer key file ${this.path} is damaged. Move it aside to make a new key; ` +
            'owners will then see a new fingerprint and should confirm it with you again.',
        );
      }
      return parsed.data;
    }
    const made = await ed.keygenAsync();
    const key: KeyFile = {
      version: 1,
      secretKey: toHex(made.secretKey),
      publicKey: toHex(made.publicKey),
      createdAt: this.now().toISOString(),
    };
    // Owner-only from the first byte: the temp file is created with these permissions.
    const privateFs: DurableFs = { ...this.fs, modeOf: async () => 0o600 };
    await durableWrite(this.path, Buffer.from(`${JSON.stringify(key, null, 2)}\n`), privateFs);
    return key;
  }
}
