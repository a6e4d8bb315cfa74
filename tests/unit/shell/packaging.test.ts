// Packaging hardening lives in electron-builder.yml, which nothing else reads until a real
// `npm run dist` (which needs Electron's binary). This test pins it without Electron, so a
// dropped or flipped fuse fails CI instead of shipping silently.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type BuilderConfig = {
  asar?: unknown;
  electronFuses?: Record<string, unknown> | null;
  fileAssociations?: Array<Record<string, unknown>> | Record<string, unknown>;
};

const config = parse(
  readFileSync(resolve(import.meta.dirname, '../../../electron-builder.yml'), 'utf8'),
) as BuilderConfig;

// Why each value: see the comments next to the fuses in electron-builder.yml.
const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
} as const;

describe('electron-builder.yml', () => {
  it('declares an electronFuses block', () => {
    expect(config.electronFuses, 'electron-builder.yml has no electronFuses block').toBeTypeOf('object');
    expect(config.electronFuses).not.toBeNull();
  });

  it.each(Object.entries(REQUIRED_FUSES))('sets fuse %s to exactly %s', (name, expected) => {
    const fuses = config.electronFuses ?? {};
    expect(
      Object.hasOwn(fuses, name),
      `electronFuses.${name} is missing from electron-builder.yml (must be ${expected})`,
    ).toBe(true);
    // toBe, not truthiness: "false" (a string) or 0 would not flip the fuse the way we mean.
    expect(fuses[name], `electronFuses.${name} must be ${expected}, got ${JSON.stringify(fuses[name])}`).toBe(
      expected,
    );
  });

  it('packs the app into app.asar, which onlyLoadAppFromAsar and asar integrity need', () => {
    expect(config.asar, 'asar must be true: the asar fuses have nothing to check without app.asar').toBe(
      true,
    );
  });

  it('still associates .rollout.json workbooks with the app', () => {
    const raw = config.fileAssociations;
    const associations = Array.isArray(raw) ? raw : raw ? [raw] : [];
    const rollout = associations.find((a) => a.ext === 'rollout.json');
    expect(rollout, 'fileAssociations no longer declares ext: rollout.json').toBeDefined();
    expect(rollout?.mimeType).toBe('application/x-rollout-workbook+json');
  });
});
