import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  type SimulationNodeDatum,
} from 'd3-force';
import type { Stakeholders } from '../../../shared/areas/stakeholders/schema';

// The change network: who sponsors, champions, trains, manages and influences whom. Laid out by
// d3-force, run to rest up front with a seeded random source, in id order: the same workbook
// gives the same picture on every visit, and a new person does not reshuffle everyone else.

export const EDGE_KINDS = {
  sponsors: 'sponsors',
  champions: 'champions',
  trains: 'trains and informs',
  manages: 'manages',
  influences: 'influences',
} as const;
export type EdgeKind = keyof typeof EDGE_KINDS;

export interface NetNode extends SimulationNodeDatum {
  id: string;
  kind: 'group' | 'person';
  name: string;
  x: number;
  y: number;
}

export interface NetEdge {
  from: string;
  to: string;
  kind: EdgeKind;
}

export interface Network {
  nodes: NetNode[];
  edges: NetEdge[];
  width: number;
  height: number;
}

/** A small deterministic generator (mulberry32), so the layout is a function of the data. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const norm = (s: string) => s.trim().toLowerCase();

/** The nodes and who-does-what-to-whom edges; people with no tie at all are left out. */
export function networkOf(s: Stakeholders): { nodes: Omit<NetNode, 'x' | 'y'>[]; edges: NetEdge[] } {
  const byName = new Map<string, string>();
  for (const p of s.people) if (!byName.has(norm(p.name))) byName.set(norm(p.name), `person:${p.id}`);
  const edges: NetEdge[] = [];
  const extra = new Map<string, string>();
  const personNode = (name: string) => {
    const known = byName.get(norm(name));
    if (known) return known;
    // Named on a group but not among the people: still a node, so the tie shows.
    const id = `name:${norm(name)}`;
    if (!extra.has(id)) extra.set(id, name.trim());
    return id;
  };
  for (const g of s.groups) {
    const gid = `group:${g.id}`;
    if (g.sponsor.trim()) edges.push({ from: personNode(g.sponsor), to: gid, kind: 'sponsors' });
    for (const c of g.champions)
      if (c.trim()) edges.push({ from: personNode(c), to: gid, kind: 'champions' });
    if (g.commsOwner.trim()) edges.push({ from: personNode(g.commsOwner), to: gid, kind: 'trains' });
  }
  const influencers = new Set(s.groups.filter((g) => g.role === 'influencer').map((g) => g.id));
  for (const p of s.people) {
    const pid = `person:${p.id}`;
    if (p.manager.trim()) {
      const m = byName.get(norm(p.manager));
      if (m && m !== pid) edges.push({ from: m, to: pid, kind: 'manages' });
    }
    for (const gid of p.groupIds) {
      if (influencers.has(gid)) edges.push({ from: `group:${gid}`, to: pid, kind: 'influences' });
    }
  }
  // One tie per pair and kind (a sponsor named twice is one tie).
  const unique = [...new Map(edges.map((e) => [`${e.from}|${e.to}|${e.kind}`, e])).values()];
  edges.length = 0;
  edges.push(...unique);
  const tied = new Set(edges.flatMap((e) => [e.from, e.to]));
  const nodes: Omit<NetNode, 'x' | 'y'>[] = [
    ...s.groups.map((g) => ({ id: `group:${g.id}`, kind: 'group' as const, name: g.name })),
    ...s.people
      .filter((p) => tied.has(`person:${p.id}`))
      .map((p) => ({ id: `person:${p.id}`, kind: 'person' as const, name: p.name })),
    ...[...extra].map(([id, name]) => ({ id, kind: 'person' as const, name })),
  ];
  return { nodes: nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), edges };
}

export function layoutNetwork(s: Stakeholders, width = 960, height = 640): Network {
  const { nodes: raw, edges } = networkOf(s);
  const nodes = raw.map((n) => ({ ...n })) as NetNode[];
  const ids = new Set(nodes.map((n) => n.id));
  const links = edges
    .filter((e) => ids.has(e.from) && ids.has(e.to))
    .map((e) => ({ source: e.from, target: e.to }));
  const sim = forceSimulation(nodes)
    .randomSource(seeded(20261201))
    .force('charge', forceManyBody().strength(-60).distanceMax(300))
    .force(
      'link',
      forceLink(links)
        .id((d) => (d as NetNode).id)
        .distance(50),
    )
    .force('collide', forceCollide(14))
    .force('center', forceCenter(width / 2, height / 2))
    .stop();
  sim.tick(nodes.length > 400 ? 120 : 300);
  // Fit into the box with a margin for labels.
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (width - 160) / Math.max(1, maxX - minX);
  const sy = (height - 60) / Math.max(1, maxY - minY);
  const k = Math.min(sx, sy, 2);
  for (const n of nodes) {
    n.x = 80 + (n.x - minX) * k;
    n.y = 30 + (n.y - minY) * k;
  }
  return { nodes, edges: edges.filter((e) => ids.has(e.from) && ids.has(e.to)), width, height };
}
