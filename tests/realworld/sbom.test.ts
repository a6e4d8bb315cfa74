import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { licenseFlags } from '../../shared/areas/architecture/inventory';
import { readSbomText } from '../../shared/areas/architecture/sbom/read-sbom';
import type { SbomContents } from '../../shared/areas/architecture/sbom/types';
import { InventorySchema } from '../../shared/areas/architecture/schema';

// Every SBOM in ../shared/realworld/sbom/ (files other projects produced; see its README) is
// imported with the reader the app runs, and what comes in is checked against what the file
// holds: component counts, nesting, the shapes its README lists. Read from there, never copied.
// Without the folder the tests say so plainly; in CI, where it is present, that is a failure.

const DIR = resolve(import.meta.dirname, '../../../shared/realworld/sbom');
const present = existsSync(DIR);

/** What each file must give, per its README; a file not listed here fails until it is added. */
const EXPECTED: Record<
  string,
  { format: string; spec: string; components: number; check?(s: SbomContents): void }
> = {
  'cyclonedx-1.2-dropwizard-1.3.15.json': {
    format: 'CycloneDX',
    spec: '1.2',
    components: 167,
    check(s) {
      // Licenses as SPDX ids, as free text and one expression.
      expect(s.components.filter((c) => c.licenseName).length).toBe(20);
      expect(s.components.filter((c) => c.license).length).toBe(119);
      expect(s.components.map((c) => c.license)).toContain('(CDDL-1.0 OR GPL-2.0-with-classpath-exception)');
      expect(s.tools).toBe('CycloneDX Maven plugin 2.0.2');
    },
  },
  'cyclonedx-1.4-laravel-7.12.0.json': {
    format: 'CycloneDX',
    spec: '1.4',
    components: 62,
    check(s) {
      // Tools as a list; the root is named differently from the product.
      expect(s.tools).toBe('cyclonedx-php-composer in-dev');
      expect(s.subject).toBe('cyclonedx/cyclonedx-php-composer-demo dev-master');
      expect(s.components.every((c) => c.purl?.startsWith('pkg:composer/'))).toBe(true);
    },
  },
  'cyclonedx-1.5-node-npm-demo-deps-from-git.json': {
    format: 'CycloneDX',
    spec: '1.5',
    components: 99,
    check(s) {
      // Packages from git URLs (percent-encoded in their purls), one library in several versions.
      const library = s.components.filter((c) => c.group === '@cyclonedx' && c.name === 'cyclonedx-library');
      expect(library.map((c) => c.version)).toEqual(['6.0.0', '6.1.0', '6.2.0', '6.3.0', '6.4.0', '6.5.0']);
      expect(library[0]?.purl).toContain('download_url=git%2Bssh');
      expect(s.tools).toBe('npm 11.4.1, cyclonedx-library 8.4.0, cyclonedx-npm 3.1.0');
    },
  },
  'cyclonedx-1.6-juice-shop-nested-large.json': {
    format: 'CycloneDX',
    spec: '1.6',
    components: 1101,
    check(s) {
      // 843 at the top; 109 components hold others (106 of them at the top), three levels deep.
      expect(s.components.filter((c) => c.parent === undefined)).toHaveLength(843);
      const parents = new Set(s.components.flatMap((c) => (c.parent === undefined ? [] : [c.parent])));
      expect(parents.size).toBe(109);
      expect([...parents].filter((p) => s.components[p]?.parent === undefined)).toHaveLength(106);
      // The same name in several versions (and the same version nested in several places);
      // percent-encoded purls kept as written.
      const ansi = s.components.filter((c) => c.name === 'ansi-regex').map((c) => c.version);
      expect(ansi).toHaveLength(7);
      expect([...new Set(ansi)].sort()).toEqual(['2.1.1', '4.1.1', '5.0.1']);
      expect(s.components[0]?.purl).toBe(
        'pkg:npm/%40babel/helper-string-parser@7.24.7#packages/babel-helper-string-parser',
      );
      // Tools as an object (1.5+); no serialNumber is needed; its one dependency loop is reported.
      expect(s.tools).toBe('npm 11.4.1, cyclonedx-library 8.4.0, cyclonedx-npm 3.1.0');
      expect(s.notices).toEqual([
        'resolve-dir 1.0.1 and global-modules 1.0.0 depend on each other; kept as declared (package managers such as npm allow it).',
      ]);
    },
  },
  'spdx-2.2-spdx-examples-appbomination.json': {
    format: 'SPDX',
    spec: '2.2',
    components: 7,
    check(s) {
      // Two packages without a version; files left out (named); TEST_DEPENDENCY_OF gives a scope.
      expect(s.components.filter((c) => !c.version).map((c) => c.name)).toEqual([
        'Gradle',
        'Faust Proprietary File',
      ]);
      expect(s.leftOut).toEqual([
        { where: 'files', reason: '10 files: the inventory lists packages, not files' },
      ]);
      expect(s.components.find((c) => c.name === 'junit')?.scope).toBe('test');
      expect(s.subject).toBe('App-BOM-ination 1.0');
      expect(s.components.find((c) => c.name === 'App-BOM-ination')?.license).toBe(
        '(LicenseRef-1 AND Apache-2.0)',
      );
    },
  },
};

describe('real-world SBOMs (../shared/realworld/sbom)', () => {
  if (!present) {
    const missing = `${DIR} is absent, so the real-world SBOM imports were not checked`;
    if (process.env.CI) it('has its real-world files (required in CI)', () => expect.fail(missing));
    else {
      console.warn(`SKIPPED: ${missing}.`);
      it.skip(`SKIPPED: ${missing}`, () => {});
    }
    return;
  }
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

  it('has files, and an expectation for each of them', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => !EXPECTED[f])).toEqual([]);
  });

  for (const file of files) {
    it(`imports ${file}`, () => {
      const read = readSbomText(readFileSync(join(DIR, file), 'utf8'));
      if (!read.ok) expect.fail(`${file} was refused: ${read.refusal.reason} (at ${read.refusal.where})`);
      const want = EXPECTED[file];
      expect(want, `no expected count for ${file}: add it to EXPECTED`).toBeDefined();
      const s = read.sbom;
      expect([s.format, s.specVersion, s.components.length]).toEqual([
        want!.format,
        want!.spec,
        want!.components,
      ]);
      // What the renderer would send passes the host's own check, and no license is unparseable.
      const inventory = {
        id: 'inv-real',
        environmentId: 'env-real',
        fileName: file,
        format: s.format,
        specVersion: s.specVersion,
        subject: s.subject,
        tools: s.tools,
        importedAt: '2026-12-01T00:00:00.000Z',
        by: 'test',
        role: 'test',
        components: s.components,
        leftOut: s.leftOut,
        leftOutCount: s.leftOut.length,
      };
      expect(InventorySchema.safeParse(inventory).error).toBeUndefined();
      expect(licenseFlags(s.components)).toEqual([]);
      want!.check?.(s);
    });
  }
});
