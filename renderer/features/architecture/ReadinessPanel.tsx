import { architectureEvidence } from '../../../shared/areas/architecture/evidence';
import { readiness } from '../../../shared/areas/architecture/readiness';
import { currentWave } from '../../../shared/areas/waves/moves';
import type { Workbook } from '../../../shared/schema/workbook';
import { StatusBadge } from '../../components/StatusBadge';

// Step 2 is complete when the deployment path, the rollback path and the exposure controls are
// documented and rehearsed. The top of the page answers that, path by path, naming what is
// missing, and says what the scorecard's "baseline and change controls" check is told.

const mark = (ok: boolean, yes: string, no: string) => (
  <span className={`readiness-mark ${ok ? 'ok' : 'missing'}`}>
    <span className="answer-mark" aria-hidden="true">
      {ok ? '✓' : '!'}
    </span>
    {ok ? yes : no}
  </span>
);

// Readiness does not age (no clock in it), so the panel draws on changes only, not every second.
export function ReadinessPanel({ wb }: { wb: Workbook }) {
  const r = readiness(wb);
  const wave = currentWave(wb);
  const [evidence] = architectureEvidence(wb, { waveId: wave?.id ?? '', now: Date.now() });
  const item = wb.scorecard.items.find((i) => i.check === 'baseline');
  return (
    <section className="readiness" aria-labelledby="readiness-title" data-testid="readiness">
      <div className="readiness-head">
        <h2 id="readiness-title">Ready to roll out?</h2>
        {evidence ? <StatusBadge kind="status" value={evidence.status} testid="readiness-status" /> : null}
        <p className="muted small" data-testid="readiness-feeds">
          {item
            ? `The scorecard check '${item.label}' is told: ${evidence?.summary}`
            : `No scorecard check listens for step 2 (check key "baseline"); this says: ${evidence?.summary}`}
        </p>
      </div>
      <dl className="answers readiness-paths">
        {r.paths.map((p) => (
          <div
            key={p.key}
            className={`answer ${p.documented && p.rehearsed ? 'ok' : 'missing'}`}
            data-testid={`readiness-${p.key}`}
          >
            <dt>{p.label}</dt>
            <dd>
              {mark(p.documented, 'Documented', 'Not documented')}
              {mark(p.rehearsed, 'Rehearsed', 'Not rehearsed')}
            </dd>
            {p.undocumented.length + p.unrehearsed.length > 0 ? (
              <dd>
                <ul className="readiness-missing" data-testid={`readiness-${p.key}-missing`}>
                  {[...p.undocumented, ...p.unrehearsed].map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </dd>
            ) : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
