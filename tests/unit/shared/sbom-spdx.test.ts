import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSbom, readSbomText } from '../../../shared/areas/architecture/sbom/read-sbom';
import type { SbomContents } from '../../../shared/areas/architecture/sbom/types';

// The SPDX 2.2 / 2.3 reader on small hand-worked documents: packages become components, files
// are named as left out, containment gives the parent, how others depend on a package gives its
// scope; a package inside itself and a repeated SPDXID are refused, saying where.

const pkg = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  SPDXID: `SPDXRef-${id}`,
  name,
  downloadLocation: 'NOASSERTION',
  ...extra,
});
const rel = (a: string, type: string, b: string) => ({
  spdxElementId: `SPDXRef-${a}`,
  relationshipType: type,
  relatedSpdxElement: `SPDXRef-${b}`,
});
const doc = (over: Record<string, unknown> = {}) => ({
  spdxVersion: 'SPDX-2.3',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'shop-sbom',
  creationInfo: { created: '2026-11-01T00:00:00Z', creators: ['Tool: syft-1.18.1', 'Person: Jun'] },
  ...over,
});

function ok(d: unknown): SbomContents {
  const r = readSbom(d);
  if (!r.ok) throw new Error(`refused: ${r.refusal.reason} at ${r.refusal.where}`);
  return r.sbom;
}
function refusal(d: unknown) {
  const r = readSbom(d);
  if (r.ok) throw new Error('expected a refusal');
  return r.refusal;
}

describe('SPDX: what comes in', () => {
  it('reads packages: version, purl, the concluded license (else the declared one), purpose', () => {
    const s = ok(
      doc({
        packages: [
          pkg('app', 'shop', {
            versionInfo: '3.1.0',
            licenseConcluded: 'NOASSERTION',
            licenseDeclared: '(LicenseRef-1 AND Apache-2.0)',
            primaryPackagePurpose: 'APPLICATION',
          }),
          pkg('lang', 'commons-lang3', {
            versionInfo: '3.4',
            licenseConcluded: 'Apache-2.0',
            licenseDeclared: 'NOASSERTION',
            externalRefs: [
              { referenceCategory: 'SECURITY', referenceType: 'cpe23Type', referenceLocator: 'cpe:2.3:a:x' },
              {
                referenceCategory: 'PACKAGE-MANAGER',
                referenceType: 'purl',
                referenceLocator: 'pkg:maven/org.apache.commons/commons-lang3@3.4',
              },
            ],
          }),
          pkg('gradle', 'Gradle', { versionInfo: 'NOASSERTION', licenseConcluded: 'NONE' }),
        ],
        documentDescribes: ['SPDXRef-app'],
      }),
    );
    expect(s).toMatchObject({
      format: 'SPDX',
      specVersion: '2.3',
      subject: 'shop 3.1.0',
      tools: 'syft-1.18.1',
    });
    expect(s.components).toEqual([
      { name: 'shop', version: '3.1.0', license: '(LicenseRef-1 AND Apache-2.0)', type: 'application' },
      {
        name: 'commons-lang3',
        version: '3.4',
        purl: 'pkg:maven/org.apache.commons/commons-lang3@3.4',
        license: 'Apache-2.0',
      },
      { name: 'Gradle' },
    ]);
  });

  it('puts a contained package under its container, parents first, and names files as left out', () => {
    const s = ok(
      doc({
        spdxVersion: 'SPDX-2.2',
        packages: [pkg('inner', 'inner-lib'), pkg('app', 'app'), pkg('mid', 'middle')],
        files: [
          { SPDXID: 'SPDXRef-f1', fileName: './a.c' },
          { SPDXID: 'SPDXRef-f2', fileName: './b.c' },
        ],
        relationships: [
          rel('app', 'CONTAINS', 'mid'),
          rel('inner', 'CONTAINED_BY', 'mid'),
          rel('f1', 'CONTAINED_BY', 'app'),
        ],
      }),
    );
    expect(s.components.map((c) => [c.name, c.parent])).toEqual([
      ['app', undefined],
      ['middle', 0],
      ['inner-lib', 1],
    ]);
    expect(s.leftOut).toEqual([
      { where: 'files', reason: '2 files: the inventory lists packages, not files' },
    ]);
  });

  it('gives a package only ever needed for tests the test scope; a plain need makes it ordinary', () => {
    const s = ok(
      doc({
        packages: [pkg('app', 'app'), pkg('junit', 'junit'), pkg('ham', 'hamcrest'), pkg('log', 'slf4j')],
        relationships: [
          rel('junit', 'TEST_DEPENDENCY_OF', 'app'),
          rel('ham', 'DEPENDENCY_OF', 'junit'),
          rel('log', 'DEV_DEPENDENCY_OF', 'app'),
          rel('app', 'DEPENDS_ON', 'log'),
        ],
      }),
    );
    expect(s.components.map((c) => [c.name, c.scope])).toEqual([
      ['app', undefined],
      ['junit', 'test'],
      ['hamcrest', undefined],
      ['slf4j', undefined],
    ]);
  });

  it('reports packages that depend on each other, and keeps them', () => {
    const s = ok(
      doc({
        packages: [pkg('a', 'a', { versionInfo: '1' }), pkg('b', 'b', { versionInfo: '2' })],
        relationships: [rel('a', 'DEPENDS_ON', 'b'), rel('a', 'DEPENDENCY_OF', 'b')],
      }),
    );
    expect(s.notices).toEqual([
      'a 1 and b 2 depend on each other; kept as declared (package managers such as npm allow it).',
    ]);
  });

  it('reads the SPDX 2.3 fixture written for the sample (production image of compass-sync)', () => {
    const r = readSbomText(readFileSync('tests/fixtures/sbom/compass-sync-production.spdx.json', 'utf8'));
    expect(r.ok && r.sbom.components.length).toBe(13);
    expect(r.ok && r.sbom.components.find((c) => c.name === 'quote-pdf-render')?.license).toBe('MPL 2.0');
  });
});

describe('SPDX: refused, with the reason and where', () => {
  it('refuses versions other than 2.2 and 2.3', () => {
    expect(refusal(doc({ spdxVersion: 'SPDX-2.1' }))).toEqual({
      reason: "spdxVersion 'SPDX-2.1' is not one this app reads (SPDX-2.2 or SPDX-2.3)",
      where: 'spdxVersion',
    });
    expect(refusal(doc({ spdxVersion: '3.0' })).where).toBe('spdxVersion');
  });

  it('refuses an SPDXID used twice, a package without one, and packages that are not a list', () => {
    expect(refusal(doc({ packages: [pkg('a', 'a'), pkg('a', 'again')] }))).toEqual({
      reason: "SPDXID 'SPDXRef-a' is used twice (first at packages[0].SPDXID); each must be unique",
      where: 'packages[1].SPDXID',
    });
    expect(refusal(doc({ packages: [{ name: 'nameless-id' }] }))).toEqual({
      reason: 'SPDXID is missing: every SPDX element needs one',
      where: 'packages[0].SPDXID',
    });
    expect(refusal(doc({ packages: 'none' })).where).toBe('packages');
  });

  it('refuses a package that contains or depends on itself, or a loop of containment', () => {
    expect(refusal(doc({ packages: [pkg('a', 'a')], relationships: [rel('a', 'CONTAINS', 'a')] }))).toEqual({
      reason: 'a is listed as containing itself',
      where: 'relationships[0]',
    });
    expect(
      refusal(
        doc({
          packages: [pkg('a', 'a')],
          relationships: [rel('a', 'DEPENDS_ON', 'b'), rel('a', 'DEPENDS_ON', 'a')],
        }),
      ),
    ).toEqual({ reason: 'a is listed as depending on itself', where: 'relationships[1]' });
    expect(
      refusal(
        doc({
          packages: [pkg('a', 'a'), pkg('b', 'b'), pkg('c', 'c')],
          relationships: [rel('a', 'CONTAINS', 'b'), rel('b', 'CONTAINS', 'c'), rel('c', 'CONTAINS', 'a')],
        }),
      ),
    ).toEqual({
      reason: 'b is inside a is inside c is inside b: a package cannot contain itself',
      where: 'relationships[1]',
    });
  });
});
