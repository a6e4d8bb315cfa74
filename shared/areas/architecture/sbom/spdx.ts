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

// SPDX 2.2 and 2.3 JSON. The inventory is the document's packages; files and snippets are
// named as left out. A package's parent is the package that CONTAINS it (or that it is
// CONTAINED_BY); its scope comes from how others depend on it (TEST_DEPENDENCY_OF → test). A
// package containing or depending on itself, or a loop of containment, is refused: no real
// package can hold itself. Dependency loops between packages are reported and kept.

export const SPDX_VERSIONS = ['SPDX-2.2', 'SPDX-2.3'] as const;

/** "X <type> Y" where Y depends on X, with the scope it gives X. */
const DEPENDENCY_OF: Record<string, string> = {
  DEPENDENCY_OF: '',
  RUNTIME_DEPENDENCY_OF: '',
  DEV_DEPENDENCY_OF: 'dev',
  TEST_DEPENDENCY_OF: 'test',
  BUILD_DEPENDENCY_OF: 'build',
  OPTIONAL_DEPENDENCY_OF: 'optional',
  PROVIDED_DEPENDENCY_OF: 'provided',
};

const UNSTATED = new Set(['NOASSERTION', 'NONE']);

export function readSpdx(doc: JsonObject, onProgress?: OnProgress): SbomContents {
  const version = doc.spdxVersion;
  if (typeof version !== 'string' || !(SPDX_VERSIONS as readonly string[]).includes(version)) {
    throw new SbomError(
      `spdxVersion ${quote(version)} is not one this app reads (SPDX-2.2 or SPDX-2.3)`,
      'spdxVersion',
    );
  }
  const leftOut: LeftOut[] = [];
  const read = new FieldReader(leftOut);
  const ids = new Map<string, string>();
  const claim = (id: Json | undefined, where: string) => {
    const path = at(where, 'SPDXID');
    if (typeof id !== 'string' || !id)
      throw new SbomError('SPDXID is missing: every SPDX element needs one', path);
    const first = ids.get(id);
    if (first !== undefined) {
      throw new SbomError(`SPDXID ${quote(id)} is used twice (first at ${first}); each must be unique`, path);
    }
    ids.set(id, path);
  };
  if (doc.SPDXID !== undefined) claim(doc.SPDXID, '');

  const packages = doc.packages ?? [];
  if (!Array.isArray(packages)) throw new SbomError('packages must be a list of packages', 'packages');
  const byId = new Map<string, { c: Component; order: number }>();
  packages.forEach((p, i) => {
    const where = at('packages', i);
    if (onProgress && (i + 1) % 250 === 0) onProgress(i + 1, packages.length);
    if (!isObject(p)) {
      read.skip(where, `is not a package (${quote(p, 30)}); left out`);
      return;
    }
    claim(p.SPDXID, where);
    const name = read.text(p.name, at(where, 'name'), LIMITS.name, 'The name');
    if (name === undefined) read.skip(where, 'has no name, so it is left out');
    else byId.set(p.SPDXID as string, { c: readPackage(p, name, where, read), order: i });
  });
  for (const kind of ['files', 'snippets'] as const) {
    const list = doc[kind];
    if (!Array.isArray(list) || list.length === 0) continue;
    list.forEach((f, i) => {
      if (isObject(f)) claim(f.SPDXID, at(kind, i));
    });
    const noun = kind === 'files' ? 'file' : 'snippet';
    read.skip(
      kind,
      `${list.length} ${noun}${list.length === 1 ? '' : 's'}: the inventory lists packages, not ${noun}s`,
    );
  }

  const rels = readRelationships(doc.relationships, byId, read);
  for (const [id, scope] of rels.scope) {
    const entry = byId.get(id);
    if (entry && scope) entry.c.scope = scope;
  }
  const components = order(byId, rels.parent);
  onProgress?.(packages.length, packages.length);
  const described = [
    ...(Array.isArray(doc.documentDescribes) ? doc.documentDescribes : []),
    ...rels.describes,
  ]
    .map((id) => (typeof id === 'string' ? byId.get(id)?.c : undefined))
    .find(Boolean);
  const subject = described ? label(described) : typeof doc.name === 'string' ? doc.name.slice(0, 300) : '';
  const creators =
    isObject(doc.creationInfo) && Array.isArray(doc.creationInfo.creators) ? doc.creationInfo.creators : [];
  const tools = creators
    .filter((c): c is string => typeof c === 'string' && /^Tool:/i.test(c))
    .map((c) => c.replace(/^Tool:\s*/i, ''))
    .join(', ')
    .slice(0, 500);
  const notices = describeLoops(dependencyLoops(rels.graph), (id) => {
    const c = byId.get(id)?.c;
    return c ? label(c) : id;
  });
  return { format: 'SPDX', specVersion: version.slice(5), subject, tools, components, leftOut, notices };
}

function readPackage(p: JsonObject, name: string, where: string, read: FieldReader): Component {
  const stated = (v: Json | undefined) => (typeof v === 'string' && UNSTATED.has(v.trim()) ? undefined : v);
  const refs = Array.isArray(p.externalRefs) ? p.externalRefs : [];
  const purlAt = refs.findIndex((r) => isObject(r) && r.referenceType === 'purl');
  const purlRef = refs[purlAt];
  const concluded = stated(p.licenseConcluded);
  const licenseField = concluded !== undefined ? 'licenseConcluded' : 'licenseDeclared';
  const purpose =
    typeof p.primaryPackagePurpose === 'string' ? p.primaryPackagePurpose.toLowerCase() : undefined;
  return compact({
    name,
    version: read.text(stated(p.versionInfo), at(where, 'versionInfo'), LIMITS.version, 'The version'),
    purl: isObject(purlRef)
      ? read.purl(purlRef.referenceLocator, at(at(at(where, 'externalRefs'), purlAt), 'referenceLocator'))
      : undefined,
    license: read.text(stated(p[licenseField]), at(where, licenseField), LIMITS.license, 'The license'),
    type: read.text(purpose, at(where, 'primaryPackagePurpose'), LIMITS.type, 'The purpose'),
  });
}

interface Relations {
  parent: Map<string, string>;
  graph: Map<string, string[]>;
  scope: Map<string, string>;
  describes: string[];
}

function readRelationships(
  value: Json | undefined,
  byId: ReadonlyMap<string, { c: Component }>,
  read: FieldReader,
): Relations {
  const out: Relations = { parent: new Map(), graph: new Map(), scope: new Map(), describes: [] };
  if (value === undefined) return out;
  if (!Array.isArray(value)) {
    read.skip('relationships', 'is not a list; not read');
    return out;
  }
  const via = new Map<string, string>();
  const name = (id: string) => {
    const c = byId.get(id)?.c;
    return c ? label(c) : quote(id);
  };
  value.forEach((r, i) => {
    const where = at('relationships', i);
    if (!isObject(r)) return;
    const { spdxElementId: a, relatedSpdxElement: b, relationshipType: type } = r;
    if (typeof a !== 'string' || typeof b !== 'string' || typeof type !== 'string') return;
    if (type === 'DESCRIBES') out.describes.push(b);
    const contains = type === 'CONTAINS' || type === 'CONTAINED_BY';
    const depends = type === 'DEPENDS_ON' || type in DEPENDENCY_OF;
    if ((contains || depends) && a === b) {
      throw new SbomError(
        `${name(a)} is listed as ${contains ? 'containing' : 'depending on'} itself`,
        where,
      );
    }
    if (!byId.has(a) || !byId.has(b)) return;
    if (contains) {
      const [holder, part] = type === 'CONTAINS' ? [a, b] : [b, a];
      if (!out.parent.has(part)) {
        out.parent.set(part, holder);
        via.set(part, where);
      }
    } else if (depends) {
      const [from, to] = type === 'DEPENDS_ON' ? [a, b] : [b, a];
      out.graph.set(from, [...(out.graph.get(from) ?? []), to]);
      // A package everyone needs only for tests has the test scope; any plain need makes it required.
      const scope = type === 'DEPENDS_ON' ? '' : DEPENDENCY_OF[type]!;
      const seen = out.scope.get(to);
      out.scope.set(to, seen === undefined || seen === scope ? scope : '');
    }
  });
  // A package inside itself, however many steps round, cannot be: refuse where the loop closes.
  for (const start of out.parent.keys()) {
    const path = [start];
    let at_ = out.parent.get(start);
    while (at_ !== undefined && path.length <= out.parent.size) {
      if (at_ === start) {
        const names = path.map(name);
        throw new SbomError(
          `${names.join(' is inside ')} is inside ${name(start)}: a package cannot contain itself`,
          via.get(path.at(-1)!) ?? 'relationships',
        );
      }
      path.push(at_);
      at_ = out.parent.get(at_);
    }
  }
  return out;
}

/** Parents before children, each group in document order; parent links become indexes. */
function order(
  byId: ReadonlyMap<string, { c: Component; order: number }>,
  parent: ReadonlyMap<string, string>,
): Component[] {
  const children = new Map<string | undefined, string[]>();
  const ids = [...byId.keys()].sort((x, y) => byId.get(x)!.order - byId.get(y)!.order);
  for (const id of ids) {
    const p = parent.get(id);
    children.set(p, [...(children.get(p) ?? []), id]);
  }
  const out: Component[] = [];
  const stack: { id: string; parent: number | undefined }[] = (children.get(undefined) ?? [])
    .map((id) => ({ id, parent: undefined }))
    .reverse();
  while (stack.length > 0) {
    const { id, parent: p } = stack.pop()!;
    const index = out.length;
    out.push(p === undefined ? byId.get(id)!.c : { ...byId.get(id)!.c, parent: p });
    for (const child of [...(children.get(id) ?? [])].reverse()) stack.push({ id: child, parent: index });
  }
  return out;
}
