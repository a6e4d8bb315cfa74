import { useMemo } from 'react';
import { useAppStore } from '../../store/app-store';
import { EDGE_KINDS, type EdgeKind, layoutNetwork } from './network-layout';

// The change network drawn as SVG, with the same ties listed as text beside it: the picture is
// for seeing clusters and lone groups, the list is what a screen reader and a printout get.

const STROKE: Record<EdgeKind, string> = {
  sponsors: 'edge-sponsors',
  champions: 'edge-champions',
  trains: 'edge-trains',
  manages: 'edge-manages',
  influences: 'edge-influences',
};

export function NetworkView() {
  const stakeholders = useAppStore((s) => s.session?.workbook?.stakeholders);
  const net = useMemo(() => (stakeholders ? layoutNetwork(stakeholders) : null), [stakeholders]);
  if (!net) return null;
  const at = new Map(net.nodes.map((n) => [n.id, n]));
  const showLabels = net.nodes.length <= 150;
  return (
    <section className="collection network" aria-labelledby="network-h" data-testid="network-view">
      <h2 id="network-h">Change network</h2>
      <p className="collection-intro">
        Who sponsors, champions, trains, manages and influences whom. Groups are squares, people are dots; the
        layout stays the same between visits.
      </p>
      <ul className="network-key" aria-label="Kinds of tie">
        {(Object.keys(EDGE_KINDS) as EdgeKind[]).map((k) => (
          <li key={k}>
            <span className={`key-line ${STROKE[k]}`} aria-hidden="true" /> {EDGE_KINDS[k]}
          </li>
        ))}
      </ul>
      <svg
        className="network-svg"
        viewBox={`0 0 ${net.width} ${net.height}`}
        role="img"
        aria-label={`Change network: ${net.nodes.length} groups and people, ${net.edges.length} ties. The ties are listed below.`}
        data-testid="network-svg"
      >
        <g>
          {net.edges.map((e) => {
            const a = at.get(e.from)!;
            const b = at.get(e.to)!;
            return (
              <line
                key={`${e.from}-${e.to}-${e.kind}`}
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                className={STROKE[e.kind]}
              />
            );
          })}
        </g>
        <g>
          {net.nodes.map((n) =>
            n.kind === 'group' ? (
              <g key={n.id} data-node={n.id}>
                <rect x={n.x - 7} y={n.y - 7} width={14} height={14} className="node-group" />
                <text x={n.x + 10} y={n.y + 4} className="node-label group-label">
                  {n.name}
                </text>
              </g>
            ) : (
              <g key={n.id} data-node={n.id}>
                <circle cx={n.x} cy={n.y} r={5} className="node-person" />
                {showLabels ? (
                  <text x={n.x + 8} y={n.y + 4} className="node-label">
                    {n.name}
                  </text>
                ) : null}
              </g>
            ),
          )}
        </g>
      </svg>
      <details className="network-ties">
        <summary>All {net.edges.length} ties as a list</summary>
        <ul data-testid="network-ties">
          {net.edges.slice(0, 2000).map((e) => (
            <li key={`${e.from}-${e.to}-${e.kind}`}>
              {at.get(e.from)!.name} {EDGE_KINDS[e.kind]} {at.get(e.to)!.name}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
