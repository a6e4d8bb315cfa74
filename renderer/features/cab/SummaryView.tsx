import type { ReviewSummary } from '../../../shared/areas/cab/summary';
import type { Tone } from '../../../shared/export/document';

// The one-page summary a reviewer reads before deciding (the packet prints the same lines).
// A line another part of the workbook has not filled yet says so, in a dashed box, and where
// its content comes from: "not recorded" must never read as "nothing to report".

const MARK: Record<Tone, string> = { ok: '●', warn: '▲', bad: '■', info: '◆', muted: '○' };

export function SummaryView({ summary }: { summary: ReviewSummary }) {
  return (
    <dl className="review-summary" data-testid="review-summary">
      {summary.lines.map((line) => (
        <div key={line.key} className="summary-line" data-testid={`summary-${line.key}`}>
          <dt>{line.label}</dt>
          {line.value === null ? (
            <dd className="summary-slot" data-testid={`summary-${line.key}-slot`}>
              <span className="summary-slot-label">Not recorded yet.</span> {line.pending}
            </dd>
          ) : (
            <dd>
              <p className={line.tone ? `summary-value tone-${line.tone}` : 'summary-value'}>
                {line.tone ? (
                  <span className="summary-mark" aria-hidden="true">
                    {MARK[line.tone]}{' '}
                  </span>
                ) : null}
                {line.value}
              </p>
              {line.details.length > 0 ? (
                <ul className="summary-details">
                  {line.details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              ) : null}
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
