import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// electron/host runs in Electron's main process and in plain Node (web mode, tests, benches),
// so it must never load Electron itself.

describe('electron/host', () => {
  it('imports nothing from Electron', async () => {
    const dir = join('electron', 'host');
    const offenders: string[] = [];
    for (const name of await readdir(dir)) {
      const text = await readFile(join(dir, name), 'utf8');
      if (/from\s+['"]electron(\/[^'"]*)?['"]|require\(\s*['"]electron/.test(text)) offenders.push(name);
    }
    expect(offenders).toEqual([]);
  });
});
