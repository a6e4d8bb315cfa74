import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { licenseFlags, onlyHere, versionDrift } from '../../../shared/areas/architecture/inventory';
import { readSbomText } from '../../../shared/areas/architecture/sbom/read-sbom';
import type { Component, Inventory } from '../../../shared/areas/architecture/schema';
import { CommandSchema } from '../../../shared/domain/commands';
import { DomainError } from '../../../shared/domain/errors';
import { execute, openDoc, undo } from '../../../shared/domain/history';
import type { Workbook } from '../../../shared/schema/workbook';
import { readyWorkbook } from './architecture-fixture';
import { owner } from './waves-fixture';

// Inventories per environment: version drift between them, license expressions that cannot be
// parsed, and the import command as the host checks it (again) before anything changes.

const inv = (environmentId: string, components: Component[]): Inventory => ({
  id: `inv-${environmentId}`,
  environmentId,
  fileName: `${environmentId}.json`,
  format: 'CycloneDX',
  specVersion: '1.6',
  subject: '',
  tools: '',
  importedAt: '2026-11-20T10:00:00.000Z',
  by: 'Jun',
  role: 'SRE',
  components,
  leftOut: [],
  leftOutCount: 0,
});
const npm = (name: string, version: string, extra: Partial<Component> = {}): Component => ({
  name,
  version,
  purl: `pkg:npm/${name}@${version}`,
  ...extra,
});
const withInventories = (...inventories: Inventory[]): Workbook => {
  const wb = readyWorkbook();
  return { ...wb, architecture: { ...wb.architecture, inventories } };
};

describe('version drift between environments', () => {
  it('flags a package whose versions differ, naming each environment and its versions', () => {
    const wb = withInventories(
      inv('env-stage', [npm('axios', '1.7.9'), npm('pg', '8.13.1'), npm('lodash', '4.17.21')]),
      inv('env-prod', [npm('axios', '1.7.7'), npm('pg', '8.13.1')]),
    );
    expect(versionDrift(wb)).toEqual([
      {
        key: 'npm/axios',
        name: 'axios',
        envs: [
          { environmentId: 'env-stage', environment: 'Staging', versions: ['1.7.9'] },
          { environmentId: 'env-prod', environment: 'Production', versions: ['1.7.7'] },
        ],
      },
    ]);
    // lodash is only in staging: not a version difference, but counted as only there.
    expect(onlyHere(wb, 'env-stage')).toBe(1);
    expect(onlyHere(wb, 'env-prod')).toBe(0);
  });

  it('compares the set of versions: the same two versions everywhere is no drift; a third is', () => {
    const two = [npm('ms', '2.0.0'), npm('ms', '2.1.3')];
    expect(versionDrift(withInventories(inv('env-stage', two), inv('env-prod', [...two].reverse())))).toEqual(
      [],
    );
    const drift = versionDrift(withInventories(inv('env-stage', two), inv('env-prod', [npm('ms', '2.1.3')])));
    expect(drift[0]?.envs.map((e) => e.versions)).toEqual([['2.0.0', '2.1.3'], ['2.1.3']]);
  });

  it('knows a package by its purl type, namespace and name, not its qualifiers or subpath; else by group and name', () => {
    const a = npm('core', '7.1.0', { group: '@babel', purl: 'pkg:npm/%40babel/core@7.1.0#packages/core' });
    const b = npm('core', '7.2.0', { group: '@babel', purl: 'pkg:npm/%40babel/core@7.2.0?foo=bar' });
    const drift = versionDrift(withInventories(inv('env-stage', [a]), inv('env-prod', [b])));
    expect(drift.map((d) => [d.key, d.name])).toEqual([['npm/@babel/core', '@babel/core']]);
    // Two packages named "core" in different groups are different packages.
    const other = { name: 'core', version: '1.0', group: 'org.acme' };
    expect(versionDrift(withInventories(inv('env-stage', [other]), inv('env-prod', [b])))).toEqual([]);
  });

  it('names an inventory whose environment was deleted instead of losing it', () => {
    const wb = withInventories(inv('env-stage', [npm('a', '1')]), inv('env-gone', [npm('a', '2')]));
    expect(versionDrift(wb)[0]?.envs[1]?.environment).toBe('a deleted environment (env-gone)');
  });
});

describe('license expressions that cannot be parsed', () => {
  it('flags them with the reason, and leaves valid expressions, LicenseRefs and free-text names alone', () => {
    const flags = licenseFlags([
      npm('a', '1', { license: 'MIT' }),
      npm('b', '1', { license: '(LicenseRef-1 AND Apache-2.0)' }),
      npm('c', '1', { license: 'MPL 2.0' }),
      npm('d', '1', { license: 'MIT OR' }),
      npm('e', '1', { licenseName: 'Apache Software Licenses' }),
      npm('f', '1', { license: '(MIT OR Apache-2.0' }),
      npm('g', '1'),
    ]);
    expect(flags.map((f) => [f.index, f.problem])).toEqual([
      [2, "'MPL' (at character 1) is not an SPDX license identifier or operator"],
      [3, 'it is not a complete SPDX expression: an operator or parenthesis is missing or extra'],
      [5, "a closing ')' is missing"],
    ]);
  });

  it('finds the one the sample production SBOM declares', () => {
    const r = readSbomText(readFileSync('tests/fixtures/sbom/compass-sync-production.spdx.json', 'utf8'));
    if (!r.ok) throw new Error(r.refusal.reason);
    expect(licenseFlags(r.sbom.components).map((f) => f.component.name)).toEqual(['quote-pdf-render']);
  });
});

describe('the import command, as the host checks it', () => {
  const command = (over: Record<string, unknown> = {}) => ({
    type: 'architecture.inventory-import',
    id: 'inv-1',
    environmentId: 'env-stage',
    fileName: 'bom.json',
    format: 'CycloneDX',
    specVersion: '1.6',
    subject: 'shop 1.0',
    tools: '',
    components: [npm('express', '4.21.2'), { ...npm('cookie', '0.7.1'), parent: 0 }],
    leftOut: [],
    leftOutCount: 0,
    ...over,
  });
  const meta = { who: owner, at: '2026-11-20T12:00:00.000Z' };
  const run = (wb: Workbook, input: unknown) => execute(openDoc(wb), CommandSchema.parse(input), meta, []);

  it('adds the inventory for an environment, stamped with who and when, and replaces it on a new import', () => {
    const first = run(readyWorkbook(), command())!;
    const { type: _type, ...fields } = command();
    expect(first.doc.wb.architecture.inventories).toEqual([
      { ...fields, importedAt: meta.at, by: owner.name, role: owner.role },
    ]);
    expect(first.entry.summary).toBe('Imported 2 components for Staging from bom.json (CycloneDX 1.6)');
    const second = execute(
      first.doc,
      CommandSchema.parse(command({ id: 'inv-2', components: [npm('a', '1')] })),
      meta,
      [],
    )!;
    expect(second.doc.wb.architecture.inventories.map((i) => i.id)).toEqual(['inv-2']);
    expect(second.entry.summary).toContain('it replaces the 2 components from bom.json');
    expect(undo(second.doc, meta).doc.wb.architecture.inventories.map((i) => i.id)).toEqual(['inv-1']);
  });

  it('refuses a parent that does not come before its child, saying which component', () => {
    const parsed = CommandSchema.safeParse(command({ components: [{ ...npm('a', '1'), parent: 0 }] }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['components', 0, 'parent'],
      message: 'Component 0 names component 0 as its parent; a parent must come before its children',
    });
  });

  it('refuses an unknown environment and a component with no name, changing nothing', () => {
    const wb = readyWorkbook();
    expect(() => run(wb, command({ environmentId: 'env-nope' }))).toThrow(DomainError);
    expect(() => run(wb, command({ environmentId: 'env-nope' }))).toThrow(
      'No environment with id "env-nope"',
    );
    expect(CommandSchema.safeParse(command({ components: [{ name: '  ' }] })).success).toBe(false);
    expect(wb.architecture.inventories).toEqual([]);
  });
});
