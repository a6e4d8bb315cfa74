import { useEffect, useId, useState } from 'react';
import { formatDrillTime, MAX_SPEED, MIN_SPEED } from '../../../shared/areas/drills/clock';
import type { DrillRun } from '../../../shared/areas/drills/run-schema';
import { participantView, upcoming } from '../../../shared/areas/drills/run-view';
import type { Workbook } from '../../../shared/schema/workbook';
import { getBridge } from '../../bridge';
import { newId } from '../../components/collection/draft';
import { useCommand } from '../../components/use-command';
import { useNow } from '../../components/use-now';
import { pushToast } from '../../store/app-store';
import { DrillClockFace, FiredItem } from './DrillClock';
import { RunLog } from './RunLog';
import { RunTools } from './RunTools';

// The facilitator's screen of a running drill: the clock (T+ and wall time) and its controls,
// with keyboard shortcuts (Space pauses or resumes, J jumps to the next inject, [ and ] change
// the speed); what has fired, what is coming and what the room is expected to do; the hand of
// cards; the question on the participants' screens; the log; the workbook's runbooks and comms.

const SPEEDS = [1, 2, 5, 10, 30, 60];

export function RunView({
  wb,
  run,
  readOnly,
  onClose,
}: {
  wb: Workbook;
  run: DrillRun;
  readOnly: boolean;
  onClose: () => void;
}) {
  const now = useNow(250);
  const cmd = useCommand();
  const view = participantView(run, now);
  const [speed, setSpeed] = useState(10);
  const live = run.clock !== null && run.endedAt === null;
  const paused = run.clock?.pausedAt != null;
  const send = (c: Parameters<typeof cmd.run>[0]) => void cmd.run(c);
  const toggle = () => send({ type: 'drills.run-clock', runId: run.id, action: paused ? 'resume' : 'pause' });
  const changeSpeed = (to: number) =>
    send({ type: 'drills.run-clock', runId: run.id, action: 'speed', speed: to });

  // Shortcuts only while the drill runs, never while typing in a field, and not on a focused
  // button or link (Space would press it as well, toggling twice).
  useEffect(() => {
    if (!live || readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (
        t &&
        (t.closest('input, textarea, select, button, a, [contenteditable]') ||
          e.ctrlKey ||
          e.metaKey ||
          e.altKey)
      )
        return;
      const current = run.clock?.speed ?? 1;
      if (e.key === ' ') {
        e.preventDefault();
        toggle();
      } else if (e.key === 'j' || e.key === 'J') send({ type: 'drills.run-jump', runId: run.id });
      else if (e.key === ']') changeSpeed(SPEEDS.find((s) => s > current) ?? MAX_SPEED);
      else if (e.key === '[') changeSpeed([...SPEEDS].reverse().find((s) => s < current) ?? MIN_SPEED);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const next = upcoming(run);
  return (
    <section className="collection drill-run" data-testid="drill-run" aria-labelledby="drill-run-title">
      <div className="collection-head">
        <div>
          <h2 id="drill-run-title">Drill: {run.scenario.name}</h2>
          <p className="collection-intro">
            Facilitator {run.facilitator}. Participants’ screen:{' '}
            <a
              href={`#/drill-room?run=${run.id}`}
              target="_blank"
              rel="noopener"
              data-testid="open-participant"
              onClick={(e) => {
                // The desktop shell opens no windows for pages (only its own projector window).
                if (getBridge().kind !== 'electron') return;
                e.preventDefault();
                pushToast(
                  'info',
                  `The desktop app cannot open the participants’ screen yet: run the app in web mode and open #/drill-room?run=${run.id} in a browser.`,
                );
              }}
            >
              open it in a new window
            </a>{' '}
            and drag it to the room’s screen.
          </p>
        </div>
        <button type="button" className="btn" onClick={onClose} data-testid="close-run">
          Back to the drills
        </button>
      </div>
      <div className="drill-controls" data-testid="drill-controls">
        <DrillClockFace
          drillMs={view.drillMs}
          now={now}
          paused={view.paused}
          ended={view.ended}
          speed={view.speed}
        />
        {run.clock === null ? (
          <div className="inline-form">
            <label htmlFor="drill-start-speed">Speed</label>
            <select
              id="drill-start-speed"
              value={speed}
              onChange={(e) => setSpeed(Number(e.target.value))}
              data-testid="start-speed"
            >
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn primary"
              disabled={readOnly || cmd.busy}
              onClick={() => send({ type: 'drills.run-start', runId: run.id, speed, severity: 'SEV2' })}
              data-testid="drill-start"
            >
              Start the drill
            </button>
          </div>
        ) : live ? (
          <div className="inline-form">
            <button
              type="button"
              className="btn primary"
              disabled={readOnly}
              onClick={toggle}
              data-testid="drill-pause"
              aria-keyshortcuts="Space"
            >
              {paused ? 'Resume' : 'Pause'} <kbd>Space</kbd>
            </button>
            <button
              type="button"
              className="btn"
              disabled={readOnly || next.length === 0}
              onClick={() => send({ type: 'drills.run-jump', runId: run.id })}
              data-testid="drill-jump"
              aria-keyshortcuts="J"
            >
              Jump to next inject <kbd>J</kbd>
            </button>
            <label htmlFor="drill-speed">Speed</label>
            <select
              id="drill-speed"
              value={run.clock.speed}
              disabled={readOnly}
              onChange={(e) => changeSpeed(Number(e.target.value))}
              data-testid="drill-speed"
              aria-keyshortcuts="[ ]"
            >
              {[...new Set([...SPEEDS, run.clock.speed])]
                .sort((a, b) => a - b)
                .map((s) => (
                  <option key={s} value={s}>
                    {s}×
                  </option>
                ))}
            </select>
            <button
              type="button"
              className="btn danger"
              disabled={readOnly}
              onClick={() => send({ type: 'drills.run-finish', runId: run.id })}
              data-testid="drill-finish"
            >
              Finish the drill
            </button>
          </div>
        ) : (
          <p className="muted">This drill is finished: score it and write the report below.</p>
        )}
        {cmd.error ? (
          <p className="form-error" role="alert" data-testid="drill-error">
            {cmd.error}
          </p>
        ) : null}
      </div>

      <div className="drill-columns">
        <div>
          <h3>Fired ({view.fired.length})</h3>
          {view.fired.length === 0 ? <p className="muted">Nothing has fired yet.</p> : null}
          <ul className="fired-list" data-testid="fired-feed">
            {view.fired.map((f) => (
              <FiredItem key={f.id} item={f} />
            ))}
          </ul>
        </div>
        <div>
          <h3>Coming up ({next.length})</h3>
          <ul className="upcoming-list" data-testid="upcoming">
            {next.map((i) => (
              <li key={i.id} data-testid={`upcoming-${i.id}`}>
                <p>
                  <span className="strong">{formatDrillTime(i.offsetSec * 1000)}</span> {i.title}
                </p>
                {i.expected.length > 0 ? (
                  <p className="muted small">
                    Expected:{' '}
                    {i.expected.map((e) => `${e.text} (by ${formatDrillTime(e.bySec * 1000)})`).join('; ')}
                  </p>
                ) : null}
                {live ? (
                  <button
                    type="button"
                    className="btn small"
                    disabled={readOnly}
                    onClick={() => send({ type: 'drills.run-fire', runId: run.id, injectId: i.id })}
                    data-testid={`fire-${i.id}`}
                  >
                    Fire now
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          <Hand run={run} readOnly={readOnly || !live} />
          <Question run={run} readOnly={readOnly || run.endedAt !== null} />
        </div>
      </div>
      {run.clock !== null ? <RunLog run={run} readOnly={readOnly || !live} /> : null}
      {live ? <RunTools wb={wb} run={run} readOnly={readOnly} /> : null}
    </section>
  );
}

function Hand({ run, readOnly }: { run: DrillRun; readOnly: boolean }) {
  const id = useId();
  const cmd = useCommand();
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const [to, setTo] = useState('');
  const played = new Set(run.fired.map((f) => f.injectId));
  const write = (play: boolean) =>
    void cmd.run(
      {
        type: 'drills.run-card-write',
        runId: run.id,
        play,
        card: {
          id: newId('card'),
          title,
          detail,
          recipients: to
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        },
      },
      () => {
        setTitle('');
        setDetail('');
        setTo('');
      },
    );
  return (
    <div className="drill-hand" data-testid="drill-hand">
      <h3>Hand of cards</h3>
      <ul className="card-list">
        {run.cards.map((c) => (
          <li key={c.id} data-testid={`card-${c.id}`}>
            <span className="strong">{c.title}</span>
            {played.has(c.id) ? (
              <span className="muted small"> played</span>
            ) : (
              <button
                type="button"
                className="btn small"
                disabled={readOnly}
                onClick={() => void cmd.run({ type: 'drills.run-card-play', runId: run.id, cardId: c.id })}
                data-testid="play-card"
              >
                Play
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="card-form">
        <div className="field">
          <label htmlFor={`${id}-t`}>Card title</label>
          <input
            id={`${id}-t`}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            disabled={readOnly}
            data-testid="card-title"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-r`}>To (comma-separated)</label>
          <input
            id={`${id}-r`}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            disabled={readOnly}
            data-testid="card-to"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-d`}>What they are told</label>
          <textarea
            id={`${id}-d`}
            rows={2}
            value={detail}
            onChange={(e) => setDetail(e.target.value)}
            disabled={readOnly}
            data-testid="card-detail"
          />
        </div>
      </div>
      <p className="row-actions">
        <button
          type="button"
          className="btn small"
          disabled={readOnly || cmd.busy}
          onClick={() => write(false)}
          data-testid="card-keep"
        >
          Add to the hand
        </button>
        <button
          type="button"
          className="btn small primary"
          disabled={readOnly || cmd.busy}
          onClick={() => write(true)}
          data-testid="card-play-now"
        >
          Write and play now
        </button>
      </p>
      {cmd.error ? (
        <p className="form-error" role="alert">
          {cmd.error}
        </p>
      ) : null}
    </div>
  );
}

function Question({ run, readOnly }: { run: DrillRun; readOnly: boolean }) {
  const cmd = useCommand();
  if (run.scenario.questions.length === 0) return null;
  return (
    <div className="drill-question">
      <label htmlFor="drill-question" className="strong">
        Question on the participants’ screen
      </label>
      <select
        id="drill-question"
        value={run.questionIndex}
        disabled={readOnly || cmd.busy}
        onChange={(e) =>
          void cmd.run({ type: 'drills.run-question', runId: run.id, index: Number(e.target.value) })
        }
        data-testid="drill-question"
      >
        <option value={-1}>None</option>
        {run.scenario.questions.map((q, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: questions are positional
          <option key={i} value={i}>
            {q}
          </option>
        ))}
      </select>
      {cmd.error ? <p className="form-error">{cmd.error}</p> : null}
    </div>
  );
}
