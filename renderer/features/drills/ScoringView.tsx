import { useState } from 'react';
import { formatDrillTime } from '../../../shared/areas/drills/clock';
import { type ObjectiveReview, type RunReview, timeOrNever } from '../../../shared/areas/drills/review';
import type { DrillRun } from '../../../shared/areas/drills/run-schema';
import { RATING_TEXT, RATINGS, type Rating } from '../../../shared/areas/drills/scoring';
import { StatusBadge } from '../../components/StatusBadge';
import { useCommand } from '../../components/use-command';
import { pushToast } from '../../store/app-store';
import { NotesList } from './NotesList';
import { Questionnaire } from './Questionnaire';

// The scoring screen of a finished drill: the three times from the log, each expected action met,
// late or missed with the log line that shows it, and each objective with the rating the log
// suggests beside the facilitator's P/S/M/U and note. Then strengths, areas for improvement and
// the lessons-learned questionnaire. A final report is shown read-only until marked a draft.

interface Props {
  run: DrillRun;
  review: RunReview;
  locked: boolean;
}

function Times({ review }: { review: RunReview }) {
  const t = review.times;
  const rows: [string, number | null, string][] = [
    ['Time to detect', t.toDetect, 'not detected'],
    ['Time to decide rollback', t.toDecideRollback, 'no rollback decision'],
    ['Time to first comms', t.toFirstComms, 'no comms sent'],
  ];
  return (
    <dl className="drill-times" data-testid="drill-times">
      {rows.map(([label, ms, never]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className={ms === null ? 'muted' : 'mono'}>{timeOrNever(ms, never)}</dd>
        </div>
      ))}
    </dl>
  );
}

function ObjectiveRow({ run, o, locked }: { run: DrillRun; o: ObjectiveReview; locked: boolean }) {
  const [rating, setRating] = useState<Rating | ''>(o.given ?? '');
  const [note, setNote] = useState(o.note);
  const { error, busy, run: send, refuse } = useCommand();
  const id = `rate-${o.objectiveId}`;
  const save = () => {
    if (rating === '') return refuse('Choose a rating: P, S, M or U', 'rating');
    void send({ type: 'drill.rate', runId: run.id, objectiveId: o.objectiveId, rating, note }, () =>
      pushToast('success', `Rated "${o.text}" ${rating}`),
    );
  };
  return (
    <li className="objective-score" data-testid={`objective-${o.objectiveId}`}>
      <p className="strong">{o.text}</p>
      <p className="muted small">
        {o.capability.replace('-', ' ')} · suggested from the log:{' '}
        <strong data-testid="suggested">{o.suggested ?? 'none (no expected action reached)'}</strong>
        {o.suggested ? ` (${RATING_TEXT[o.suggested]})` : ''}
      </p>
      {o.evidence.length > 0 ? (
        <ul className="evidence">
          {o.evidence.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      <div className="rate-row">
        <div className="field">
          <label htmlFor={`${id}-rating`}>Rating</label>
          <select
            id={`${id}-rating`}
            data-testid="rating"
            value={rating}
            disabled={locked}
            onChange={(e) => setRating(e.target.value as Rating)}
          >
            <option value="">Choose…</option>
            {RATINGS.map((r) => (
              <option key={r} value={r}>
                {r}: {RATING_TEXT[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-note`}>Why (the evidence you saw)</label>
          <input
            id={`${id}-note`}
            data-testid="rating-note"
            value={note}
            disabled={locked}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <button
          type="button"
          className="btn"
          data-testid="save-rating"
          disabled={locked || busy}
          onClick={save}
        >
          Save rating
        </button>
      </div>
      <p className="small" data-testid="given">
        {o.given ? `Rated ${o.given}: ${RATING_TEXT[o.given]}` : 'Not rated yet'}
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

export function ScoringView({ run, review, locked }: Props) {
  return (
    <div className="drill-scoring" data-testid="drill-scoring">
      <section aria-labelledby="times-heading">
        <h3 id="times-heading">From the log</h3>
        <Times review={review} />
      </section>
      <section aria-labelledby="expected-heading">
        <h3 id="expected-heading">Expected actions</h3>
        <div className="table-wrap">
          <table className="items" data-testid="expected-results">
            <thead>
              <tr>
                <th scope="col">Expected action</th>
                <th scope="col">By</th>
                <th scope="col">Outcome</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {review.expected.map((e) => (
                <tr key={e.actionId} data-testid={`expected-${e.actionId}`}>
                  <td>{e.text}</td>
                  <td className="mono nowrap">{formatDrillTime(e.byMs)}</td>
                  <td>
                    <StatusBadge kind="outcome" value={e.outcome} />
                  </td>
                  <td className="small">{e.evidence}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="objectives-heading">
        <h3 id="objectives-heading">Objectives</h3>
        <p className="muted small">
          P performed without challenges · S with some challenges · M with major challenges · U unable to be
          performed. The log suggests a rating; yours is the one the report carries.
        </p>
        <ul className="objective-scores">
          {review.objectives.map((o) => (
            <ObjectiveRow key={`${o.objectiveId}-${o.given}-${o.note}`} run={run} o={o} locked={locked} />
          ))}
        </ul>
      </section>
      <div className="notes-pair">
        <NotesList run={run} list="strengths" locked={locked} />
        <NotesList run={run} list="improvements" locked={locked} />
      </div>
      <Questionnaire run={run} locked={locked} />
    </div>
  );
}
