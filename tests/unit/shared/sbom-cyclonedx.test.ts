import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSbom } from '../../../shared/areas/architecture/sbom/read-sbom';
import type { SbomContents } from '../../../shared/areas/architecture/sbom/types';

// The CycloneDX reader on small hand-worked BOMs: what comes in, what is left out and where,
// and what makes a file unusable (refused with the reason and the JSON path).

const bom = (over: Record<string, unknown> = {}) => ({ bomFormat: 'CycloneDX', specVersion: '1.6', ...over });
const lib = (name: string, version: string, extra: Record<string, unknown> = {}) => ({
  type: 'library',
  'bom-ref': `${name}@${version}`,
  name,
  version,
  ...extra,
});

function ok(doc: unknown): SbomContents {
  const r = readSbom(doc);
  if (!r.ok) throw new Error(`refused: ${r.refusal.reason} at ${r.refusal.where}`);
  return r.sbom;
}
function refusal(doc: unknown) {
  const r = readSbom(doc);
  if (r.ok) throw new Error('expected a refusal');
  return r.refusal;
}

describe('CycloneDX: what comes in', () => {
  it('flattens nested components parents first, each keeping the index of the one it is nested in', () => {
    const s = ok(
      bom({
        components: [
          lib('app-shell', '1.0.0', {
            components: [
              lib('router', '2.1.0', { components: [lib('path-to-regexp', '0.1.12')] }),
              lib('state', '3.0.0'),
            ],
          }),
          lib('logger', '9.5.0'),
        ],
      }),
    );
    expect(s.components.map((c) => [c.name, c.parent])).toEqual([
      ['app-shell', undefined],
      ['router', 0],
      ['path-to-regexp', 1],
      ['state', 0],
      ['logger', undefined],
    ]);
    expect(s.leftOut).toEqual([]);
  });

  it('keeps name, group, version, purl, licenses, type and scope, and leaves empty fields out', () => {
    const s = ok(
      bom({
        components: [
          lib('core', '7.26.0', {
            group: '@babel',
            scope: 'optional',
            purl: 'pkg:npm/%40babel/core@7.26.0',
            licenses: [{ license: { id: 'MIT' } }],
            description: 'not kept: the room does not need it',
            hashes: [{ alg: 'SHA-256', content: 'ab' }],
          }),
          { type: 'library', name: 'bare' },
        ],
      }),
    );
    expect(s.components).toEqual([
      {
        name: 'core',
        group: '@babel',
        version: '7.26.0',
        purl: 'pkg:npm/%40babel/core@7.26.0',
        license: 'MIT',
        type: 'library',
        scope: 'optional',
      },
      { name: 'bare', type: 'library' },
    ]);
  });

  it('reads licenses as one SPDX expression (several ids are a choice) and free-text names apart', () => {
    const lic = (licenses: unknown) => ok(bom({ components: [lib('x', '1', { licenses })] })).components[0]!;
    expect(lic([{ expression: '(MIT OR Apache-2.0)' }]).license).toBe('(MIT OR Apache-2.0)');
    expect(lic([{ license: { id: 'MIT' } }, { license: { id: 'Apache-2.0' } }]).license).toBe(
      'MIT OR Apache-2.0',
    );
    // The same id twice (juice-shop has these) is one license.
    expect(lic([{ license: { id: 'MIT' } }, { license: { id: 'MIT', url: 'https://x' } }]).license).toBe(
      'MIT',
    );
    expect(
      lic([{ license: { name: 'Apache Software Licenses' } }, { license: { id: 'MIT' } }]),
    ).toMatchObject({
      license: 'MIT',
      licenseName: 'Apache Software Licenses',
    });
    // A broken expression is kept as declared (the inventory flags it; it is not "fixed").
    expect(lic([{ expression: 'MPL 2.0' }]).license).toBe('MPL 2.0');
  });

  it('describes the subject and the tools, as a 1.4 list or a 1.5+ object', () => {
    const meta = (tools: unknown) =>
      ok(
        bom({
          metadata: {
            tools,
            component: { type: 'application', name: 'shop', group: 'acme', version: '3.1' },
          },
        }),
      );
    expect(meta([{ vendor: 'CycloneDX', name: 'cyclonedx-maven-plugin', version: '2.0.2' }])).toMatchObject({
      subject: 'acme/shop 3.1',
      tools: 'cyclonedx-maven-plugin 2.0.2',
    });
    expect(
      meta({
        components: [{ type: 'application', name: 'npm', version: '11.4.1' }],
        services: [{ name: 'scanner' }],
      }).tools,
    ).toBe('npm 11.4.1, scanner');
    expect(meta('a tool').leftOut).toEqual([
      { where: 'metadata.tools', reason: 'is neither a list nor an object; not read' },
    ]);
  });

  it('reads every specification from 1.2 to 1.6', () => {
    for (const v of ['1.2', '1.3', '1.4', '1.5', '1.6'])
      expect(ok(bom({ specVersion: v })).specVersion).toBe(v);
  });

  it('reports a dependency loop between two components and keeps the file (npm allows them)', () => {
    const s = ok(
      bom({
        components: [lib('resolve-dir', '1.0.1'), lib('global-modules', '1.0.0')],
        dependencies: [
          { ref: 'resolve-dir@1.0.1', dependsOn: ['global-modules@1.0.0'] },
          { ref: 'global-modules@1.0.0', dependsOn: ['resolve-dir@1.0.1'] },
        ],
      }),
    );
    expect(s.components).toHaveLength(2);
    expect(s.notices).toEqual([
      'resolve-dir 1.0.1 and global-modules 1.0.0 depend on each other; kept as declared (package managers such as npm allow it).',
    ]);
  });
});

describe('CycloneDX: what is left out, and where', () => {
  it('imports a component without a package URL it cannot read, saying so', () => {
    const s = ok(bom({ components: [lib('a', '1', { purl: 'npm/a@1' })] }));
    expect(s.components[0]).not.toHaveProperty('purl');
    expect(s.leftOut).toEqual([
      {
        where: 'components[0].purl',
        reason: `'npm/a@1' is not a valid package URL (missing required "pkg" scheme component); imported without it`,
      },
    ]);
  });

  it('leaves out a component with no name but keeps what is nested in it, under its grandparent', () => {
    const s = ok(
      bom({
        components: [
          lib('outer', '1', { components: [{ type: 'library', components: [lib('inner', '2')] }] }),
        ],
      }),
    );
    expect(s.components.map((c) => [c.name, c.parent])).toEqual([
      ['outer', undefined],
      ['inner', 0],
    ]);
    expect(s.leftOut).toEqual([
      {
        where: 'components[0].components[0]',
        reason: 'has no name, so it is left out; the components nested in it are kept',
      },
    ]);
  });

  it('names text that is too long for the workbook rather than cutting it', () => {
    const s = ok(bom({ components: [lib('a', 'v'.repeat(201))] }));
    expect(s.components[0]).toEqual({ name: 'a', type: 'library' });
    expect(s.leftOut[0]).toEqual({
      where: 'components[0].version',
      reason: 'The version is 201 characters long, over the 200 kept; imported without it',
    });
  });

  it('names services (not components) and dependency links to nothing', () => {
    const s = ok(
      bom({
        components: [lib('a', '1')],
        services: [{ 'bom-ref': 'svc-1', name: 'billing' }],
        dependencies: [{ ref: 'a@1', dependsOn: ['ghost@9'] }],
      }),
    );
    expect(s.leftOut).toEqual([
      { where: 'services', reason: '1 service: the inventory lists components, not services' },
      {
        where: 'dependencies[0].dependsOn[0]',
        reason: '1 dependency link names a bom-ref that nothing in the file has (first here); ignored',
      },
    ]);
  });
});

describe('CycloneDX: refused, with the reason and where', () => {
  it('refuses an unknown or missing specification version', () => {
    expect(refusal(bom({ specVersion: '1.7' }))).toEqual({
      reason: "CycloneDX specVersion '1.7' is not one this app reads (1.2 to 1.6)",
      where: 'specVersion',
    });
    expect(refusal(bom({ specVersion: '1.1' })).where).toBe('specVersion');
    expect(refusal(bom({ specVersion: 1.5 })).reason).toContain("'1.5' is not one");
    expect(refusal({ bomFormat: 'CycloneDX' })).toMatchObject({ where: 'specVersion', reason: /missing/ });
    expect(refusal({ bomFormat: 'SWID', specVersion: '1.6' })).toMatchObject({ where: 'bomFormat' });
  });

  it('refuses a bom-ref used twice, pointing at the second and naming the first', () => {
    expect(
      refusal(
        bom({
          components: [lib('a', '1', { components: [lib('b', '1')] }), lib('c', '1', { 'bom-ref': 'b@1' })],
        }),
      ),
    ).toEqual({
      reason:
        "bom-ref 'b@1' is used twice (first at components[0].components[0].bom-ref); every bom-ref must be unique",
      where: 'components[1].bom-ref',
    });
    // The described component's ref counts too.
    expect(
      refusal(bom({ metadata: { component: lib('app', '1') }, components: [lib('app', '1')] })).where,
    ).toBe('components[0].bom-ref');
  });

  it('refuses a component that depends on itself', () => {
    expect(
      refusal(
        bom({
          components: [lib('a', '1'), lib('b', '2')],
          dependencies: [
            { ref: 'a@1', dependsOn: [] },
            { ref: 'b@2', dependsOn: ['a@1', 'b@2'] },
          ],
        }),
      ),
    ).toEqual({ reason: 'b 2 is listed as depending on itself', where: 'dependencies[1].dependsOn[1]' });
  });

  it('refuses components that are not a list', () => {
    expect(refusal(bom({ components: { a: 1 } }))).toEqual({
      reason: 'components must be a list of components',
      where: 'components',
    });
  });
});

describe('CycloneDX: nesting does not change what is imported (property)', () => {
  interface Node {
    name: string;
    children: Node[];
  }
  const node = (depth: number): fc.Arbitrary<Node> =>
    fc.record({
      name: fc.stringMatching(/^[a-z]{1,5}$/),
      children: depth === 0 ? fc.constant([]) : fc.array(node(depth - 1), { maxLength: 3 }),
    });
  const forest = fc.array(node(4), { maxLength: 4 });

  /** The forest as BOM components, each with a unique version, and who holds whom (by key). */
  function build(nodes: Node[]) {
    const parentOf = new Map<string, string | undefined>();
    let serial = 0;
    const walk = (list: Node[], parent: string | undefined): unknown[] =>
      list.map((n) => {
        const version = `1.${serial++}`;
        parentOf.set(`${n.name}@${version}`, parent);
        return { ...lib(n.name, version), components: walk(n.children, `${n.name}@${version}`) };
      });
    return { components: walk(nodes, undefined), parentOf };
  }
  const key = (c: { name: string; version?: string }) => `${c.name}@${c.version}`;

  it('imports every component once, under the one it was nested in, whatever the depth or order', () => {
    fc.assert(
      fc.property(forest, fc.integer({ min: 0, max: 1000 }), (nodes, seed) => {
        const { components, parentOf } = build(nodes);
        const s = ok(bom({ components }));
        expect(s.components.map(key).sort()).toEqual([...parentOf.keys()].sort());
        s.components.forEach((c, i) => {
          const parent = c.parent === undefined ? undefined : s.components[c.parent]!;
          if (parent) expect(c.parent).toBeLessThan(i);
          expect(parent && key(parent)).toBe(parentOf.get(key(c)));
        });
        // The same components side by side, in a shuffled order: the same set comes in.
        const flat = s.components.map((c) => lib(c.name, c.version!));
        const shuffled = flat
          .map((c, i) => ({ c, k: (i * 7919 + seed) % (flat.length + 1) }))
          .sort((a, b) => a.k - b.k);
        const again = ok(bom({ components: shuffled.map((x) => x.c) }));
        expect(again.components.map(key).sort()).toEqual(s.components.map(key).sort());
        expect(again.components.every((c) => c.parent === undefined)).toBe(true);
      }),
    );
  });
});
