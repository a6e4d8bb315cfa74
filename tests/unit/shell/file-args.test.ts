import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findWorkbookArgument } from '../../../electron/file-args';

describe('findWorkbookArgument', () => {
  const cwd = resolve('/home/ic/rollouts');

  it('finds a relative workbook argument after the app path and resolves it', () => {
    expect(findWorkbookArgument(['electron', '.', 'plan.rollout.json'], cwd)).toBe(
      resolve(cwd, 'plan.rollout.json'),
    );
  });

  it('skips Chromium switches and the executable itself', () => {
    const argv = [
      '/opt/war-room/app.rollout.json',
      '--original-process-start-time=1',
      '--flag=x.rollout.json',
    ];
    expect(findWorkbookArgument(argv, cwd)).toBeNull();
  });

  it('keeps absolute paths and matches the extension case-insensitively', () => {
    const file = resolve('/data/Q3 Cutover.ROLLOUT.JSON');
    expect(findWorkbookArgument(['app', file], cwd)).toBe(file);
  });

  it('ignores other files and NUL tricks', () => {
    expect(findWorkbookArgument(['app', 'notes.json', 'evil\0.rollout.json'], cwd)).toBeNull();
  });
});
