import type { Component, LeftOut } from '../schema';
import { at, compact, FieldReader, LIMITS, label } from './fields';
import { dependencyLoops, describeLoops } from './graph';
import {
  isObject,
  type Json,
  type JsonObject,
  type OnProgress,
  quote,
  type SbomContents,
  SbomError,
} from './types';

// CycloneDX JSON, specification 1.2 (the first with JSON) to 1.6. Components nest (an assembly
// holds its parts); they are flattened in document order, each keeping the index of the one it
// is nested in. Tools are a list up to 1.4 and an object of components and services from 1.5.
// A bom-ref used twice, or a component that depends on itself, makes the file unusable.

export const CYCLONEDX_VERSIONS = ['1.2', '1.3', '1.4', '1.5', '1.6'] as const;
const PROGRESS_EVERY = 250;

interface Frame {
  items: Json[];
  base: string;
  next: number;
  parent: number | undefined;
}

export function readCycloneDx(doc: JsonObject, onProgress?: OnProgress): SbomContents {
  const spec = doc.specVersion;
  if (spec === undefined) {
    throw new SbomError(
      'specVersion is missing: a CycloneDX BOM must say which version it follows',
      'specVersion',
    );
  }
  if (typeof spec !== 'string' || !(CYCLONEDX_VERSIONS as readonly string[]).includes(spec)) {
    throw new SbomError(
      `CycloneDX specVersion ${quote(spec)} is not one this app reads (1.2 to 1.6)`,
      'specVersion',
    );
  }
  const leftOut: LeftOut[] = [];
  const read = new FieldReader(leftOut);
  const refs = new Map<string, string>();
  const refName = new Map<string, string>();
  const claim = (item: JsonObject, where: string, name: string) => {
    const ref = item['bom-ref'];
    if (ref === undefined) return;
    const path = at(where, 'bom-ref');
    if (typeof ref !== 'string') throw new SbomError(`bom-ref must be text, not ${quote(ref, 30)}`, path);
    const first = refs.get(ref);
    if (first !== undefined) {
      throw new SbomError(
        `bom-ref ${quote(ref)} is used twice (first at ${first}); every bom-ref must be unique`,
        path,
      );
    }
    refs.set(ref, path);
    refName.set(ref, name);
  };

  const metadata = isObject(doc.metadata) ? doc.metadata : {};
  if (doc.metadata !== undefined && !isObject(doc.metadata))
    read.skip('metadata', 'is not an object; not read');
  let subject = '';
  if (isObject(metadata.component)) {
    const m = metadata.component;
    const name = typeof m.name === 'string' ? m.name : '';
    const group = typeof m.group === 'string' && m.group ? `${m.group}/` : '';
    subject = `${group}${name} ${typeof m.version === 'string' ? m.version : ''}`.trim();
    claim(m, 'metadata.component', subject || 'the described component');
    if (Array.isArray(m.components) && m.components.length > 0) {
      read.skip(
        'metadata.component.components',
        `${m.components.length} components nested in the described component itself are not read`,
      );
    }
  }
  const tools = describeTools(metadata.tools, read);

  const list = doc.components;
  if (list !== undefined && !Array.isArray(list)) {
    throw new SbomError('components must be a list of components', 'components');
  }
  const total = countNested(list ?? []);
  const components: Component[] = [];
  const stack: Frame[] = [{ items: list ?? [], base: 'components', next: 0, parent: undefined }];
  let seen = 0;
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    if (frame.next >= frame.items.length) {
      stack.pop();
      continue;
    }
    const i = frame.next++;
    const where = at(frame.base, i);
    const item = frame.items[i];
    seen++;
    if (onProgress && seen % PROGRESS_EVERY === 0) onProgress(seen, total);
    if (!isObject(item)) {
      read.skip(where, `is not a component (${quote(item, 30)}); left out`);
      continue;
    }
    const name = read.text(item.name, at(where, 'name'), LIMITS.name, 'The name');
    const nested = item.components;
    let index = frame.parent;
    if (name === undefined) {
      const kept = Array.isArray(nested) && nested.length > 0 ? '; the components nested in it are kept' : '';
      read.skip(where, `has no name, so it is left out${kept}`);
      claim(item, where, `the component at ${where}`);
    } else {
      const c = readComponent(item, name, where, read, frame.parent);
      claim(item, where, label(c));
      index = components.length;
      components.push(c);
    }
    if (Array.isArray(nested)) {
      stack.push({ items: nested, base: at(where, 'components'), next: 0, parent: index });
    } else if (nested !== undefined) {
      read.skip(at(where, 'components'), 'is not a list, so nothing nested in it is read');
    }
  }
  onProgress?.(total, total);

  claimServices(doc.services, 'services', claim, read);
  const notices = readDependencies(doc.dependencies, refs, refName, read);
  return { format: 'CycloneDX', specVersion: spec, subject, tools, components, leftOut, notices };
}

function readComponent(
  item: JsonObject,
  name: string,
  where: string,
  read: FieldReader,
  parent: number | undefined,
): Component {
  const licenses = readLicenses(item.licenses, at(where, 'licenses'), read);
  return compact({
    name,
    group: read.text(item.group, at(where, 'group'), LIMITS.group, 'The group'),
    version: read.text(item.version, at(where, 'version'), LIMITS.version, 'The version'),
    purl: read.purl(item.purl, at(where, 'purl')),
    ...licenses,
    type: read.text(item.type, at(where, 'type'), LIMITS.type, 'The type'),
    scope: read.text(item.scope, at(where, 'scope'), LIMITS.scope, 'The scope'),
    parent,
  });
}

/**
 * A list of licenses is either one expression or any number of licenses, each an SPDX id or a
 * free-text name. CycloneDX's own libraries treat such a list as a choice (their
 * "DisjunctiveLicense"), so several ids become one expression joined by OR.
 */
function readLicenses(value: Json | undefined, where: string, read: FieldReader) {
  if (value === undefined || value === null) return {};
  if (!Array.isArray(value)) {
    read.skip(where, 'is not a list; imported without a license');
    return {};
  }
  const spdx: string[] = [];
  const names: string[] = [];
  value.forEach((entry, i) => {
    const w = at(where, i);
    const expression = isObject(entry) ? entry.expression : undefined;
    const license = isObject(entry) && isObject(entry.license) ? entry.license : null;
    if (typeof expression === 'string' && expression.trim()) spdx.push(expression.trim());
    else if (license && typeof license.id === 'string' && license.id.trim()) spdx.push(license.id.trim());
    else if (license && typeof license.name === 'string' && license.name.trim())
      names.push(license.name.trim());
    else read.skip(w, 'names no license id, name or expression; left out');
  });
  const unique = [...new Set(spdx)];
  const parts = unique.length > 1 ? unique.map((e) => (/\s/.test(e) ? `(${e})` : e)) : unique;
  return {
    license: read.joined(parts, ' OR ', where, LIMITS.license, 'The licenses'),
    licenseName: read.joined(names, '; ', where, LIMITS.licenseName, 'The license names'),
  };
}

/** "npm 11.4.1, cyclonedx-library 8.4.0": from a 1.2–1.4 list or a 1.5+ object. */
function describeTools(tools: Json | undefined, read: FieldReader): string {
  if (tools === undefined || tools === null) return '';
  let entries: Json[];
  if (Array.isArray(tools)) entries = tools;
  else if (isObject(tools)) {
    const list = (v: Json | undefined) => (Array.isArray(v) ? v : []);
    entries = [...list(tools.components), ...list(tools.services)];
  } else {
    read.skip('metadata.tools', 'is neither a list nor an object; not read');
    return '';
  }
  const names = entries
    .filter(isObject)
    .map((t) => [t.name, t.version].filter((v) => typeof v === 'string' && v).join(' '))
    .filter(Boolean);
  return [...new Set(names)].join(', ').slice(0, 500);
}

function countNested(items: Json[]): number {
  let count = 0;
  const stack: Json[][] = [items];
  while (stack.length > 0) {
    for (const item of stack.pop()!) {
      count++;
      if (isObject(item) && Array.isArray(item.components)) stack.push(item.components);
    }
  }
  return count;
}

/** Services can carry bom-refs too (which must not clash); the inventory lists components only. */
function claimServices(
  value: Json | undefined,
  base: string,
  claim: (item: JsonObject, where: string, name: string) => void,
  read: FieldReader,
): void {
  if (!Array.isArray(value) || value.length === 0) return;
  let count = 0;
  const stack: { items: Json[]; base: string }[] = [{ items: value, base }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    frame.items.forEach((s, i) => {
      if (!isObject(s)) return;
      count++;
      const where = at(frame.base, i);
      claim(s, where, typeof s.name === 'string' ? s.name : `the service at ${where}`);
      if (Array.isArray(s.services)) stack.push({ items: s.services, base: at(where, 'services') });
    });
  }
  read.skip(base, `${count} service${count === 1 ? '' : 's'}: the inventory lists components, not services`);
}

/** Checks the dependency graph: a self-dependency is refused, loops are reported. */
function readDependencies(
  value: Json | undefined,
  refs: ReadonlyMap<string, string>,
  refName: ReadonlyMap<string, string>,
  read: FieldReader,
): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    read.skip('dependencies', 'is not a list; not read');
    return [];
  }
  const graph = new Map<string, string[]>();
  const unknown: string[] = [];
  value.forEach((d, i) => {
    const where = at('dependencies', i);
    if (!isObject(d) || typeof d.ref !== 'string') {
      read.skip(where, 'names no ref; not read');
      return;
    }
    if (!refs.has(d.ref)) unknown.push(at(where, 'ref'));
    const edges = graph.get(d.ref) ?? [];
    const on = Array.isArray(d.dependsOn) ? d.dependsOn : [];
    on.forEach((to, j) => {
      const w = at(at(where, 'dependsOn'), j);
      if (typeof to !== 'string') {
        read.skip(w, 'is not a bom-ref; not read');
        return;
      }
      if (to === d.ref) {
        throw new SbomError(`${refName.get(to) ?? quote(to)} is listed as depending on itself`, w);
      }
      if (!refs.has(to)) unknown.push(w);
      edges.push(to);
    });
    graph.set(d.ref, edges);
  });
  if (unknown.length > 0) {
    read.skip(
      unknown[0]!,
      `${unknown.length} dependency link${unknown.length === 1 ? ' names a bom-ref' : 's name bom-refs'} that nothing in the file has (first here); ignored`,
    );
  }
  return describeLoops(dependencyLoops(graph), (ref) => refName.get(ref) ?? ref);
}
