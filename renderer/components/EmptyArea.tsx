import { type AreaId, areaById } from '../../shared/areas';
import { COLLECTIONS, listOf } from '../../shared/domain/collections';
import { useAppStore } from '../store/app-store';

export interface EmptyAreaProps {
  area: AreaId;
  /** One sentence: what this area is for. */
  plan: string;
  /** What it will hold, once built. */
  bullets: readonly string[];
}

/** What an area will hold, shown until it is built, plus what the file already has for it. */
export function EmptyArea({ area, plan, bullets }: EmptyAreaProps) {
  const { nav } = areaById(area);
  const wb = useAppStore((s) => s.session?.workbook);
  const held = Object.values(COLLECTIONS)
    .filter((c) => c.area === area)
    .map((c) => ({ noun: c.noun, count: wb ? listOf(wb, c.key).length : 0 }))
    .filter((c) => c.count > 0);

  return (
    <div className="section-page" data-testid={`section-${area}`}>
      <header className="section-header">
        <p className="eyebrow">{nav.step ? `Step ${nav.step}` : 'Review'}</p>
        <h1>{nav.title}</h1>
      </header>
      <div className="empty-state" data-testid="empty-state">
        <h2>Coming to this section</h2>
        <p className="lead">{plan}</p>
        <ul>
          {bullets.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
        {held.map((c) => (
          <p className="muted" key={c.noun}>
            This workbook already holds {c.count} {c.noun}
            {c.count === 1 ? '' : 's'}; they are kept safe in the file and will appear here.
          </p>
        ))}
      </div>
    </div>
  );
}
