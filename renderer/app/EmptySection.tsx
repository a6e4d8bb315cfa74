import { useAppStore } from '../store/app-store';
import type { SectionInfo } from './sections';

/** What a section will hold, shown until it is built, plus any data the file already has for it. */
export function EmptySection({ info }: { info: SectionInfo }) {
  const wb = useAppStore((s) => s.session?.workbook);
  const existing =
    info.id === 'architecture'
      ? wb?.architecture.waves.length
      : info.id === 'stakeholders'
        ? wb?.stakeholders.groups.length
        : info.id === 'scorecard'
          ? wb?.scorecard.items.length
          : undefined;
  const noun =
    info.id === 'architecture' ? 'wave' : info.id === 'stakeholders' ? 'stakeholder group' : 'scorecard item';

  return (
    <div className="section-page" data-testid={`section-${info.id}`}>
      <header className="section-header">
        {info.step ? <p className="eyebrow">Step {info.step}</p> : <p className="eyebrow">Review</p>}
        <h1>{info.title}</h1>
      </header>
      <div className="empty-state" data-testid="empty-state">
        <h2>Coming to this section</h2>
        <p className="lead">{info.plan}</p>
        <ul>
          {info.bullets.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
        {existing ? (
          <p className="muted">
            This workbook already holds {existing} {noun}
            {existing === 1 ? '' : 's'}; they are kept safe in the file and will appear here.
          </p>
        ) : null}
      </div>
    </div>
  );
}
