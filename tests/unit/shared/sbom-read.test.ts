import { describe, expect, it } from 'vitest';
import { readSbomBytes, readSbomText } from '../../../shared/areas/architecture/sbom/read-sbom';

// Before any format is read: text that is not JSON (with where it breaks), an empty file, XML,
// JSON that is no SBOM, SPDX 3, and bytes that are not UTF-8. Each is one refusal, with where.

const bom = (over: Record<string, unknown> = {}) => ({ bomFormat: 'CycloneDX', specVersion: '1.6', ...over });
const lib = (name: string, version: string) => ({
  type: 'library',
  'bom-ref': `${name}@${version}`,
  name,
  version,
});

describe('any SBOM file: text that is not a usable document', () => {
  const refusedText = (text: string) => {
    const r = readSbomText(text);
    if (r.ok) throw new Error('expected a refusal');
    return r.refusal;
  };

  it('says where JSON breaks, and when it ends early', () => {
    expect(refusedText('{\n  "bomFormat": "CycloneDX",\n  "specVersion": 1.6,,\n}')).toEqual({
      reason: 'The file is not valid JSON: expected a property name in double quotes',
      where: 'line 3, column 22',
    });
    expect(refusedText('{"bomFormat": "CycloneDX", "components": [')).toMatchObject({
      reason: expect.stringContaining('ends early'),
      where: 'line 1, column 43',
    });
  });

  it('names an empty file, XML, a list, and JSON that is no SBOM', () => {
    expect(refusedText('  \n')).toEqual({ reason: 'The file is empty', where: '' });
    expect(refusedText('<?xml version="1.0"?><bom/>').reason).toContain('looks like XML');
    expect(refusedText('[1, 2]').reason).toBe('This is not an SBOM: the file holds a list, not an object');
    expect(refusedText('{"name": "package.json"}').reason).toBe(
      'This is not a CycloneDX or SPDX document: it has neither bomFormat nor spdxVersion',
    );
    expect(refusedText('{"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"}')).toMatchObject({
      reason: expect.stringContaining('SPDX 3'),
      where: '@context',
    });
  });

  it('reads bytes: a byte-order mark is fine, bytes that are not UTF-8 are named', () => {
    const text = JSON.stringify(bom({ components: [lib('a', '1')] }));
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(readSbomBytes(withBom)).toMatchObject({ ok: true, sbom: { components: [{ name: 'a' }] } });
    const bad = new TextEncoder().encode(text);
    bad[10] = 0xff;
    expect(readSbomBytes(bad)).toEqual({
      ok: false,
      refusal: { reason: 'The file is not UTF-8 text, so it cannot be JSON', where: 'byte 11' },
    });
  });
});
