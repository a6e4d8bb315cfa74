import { type FormEvent, useId, useState } from 'react';
import {
  PHASE_LABELS,
  PHASES,
  type Runbook,
  type Step,
  StepSchema,
} from '../../../shared/areas/runbooks/schema';
import type { Workbook } from '../../../shared/schema/workbook';
import { useCommand } from '../../components/use-command';

// A runbook's steps: in order, each with its phase, owner role, timebox, checklist and the stop
// conditions and waves it acts on (checkboxes: Tab and Space); moved up or down, removed, or
// added. What the host refuses (a zero timebox, a link to something gone) is shown by the form.

/** A group of checkboxes; says so when the workbook has nothing to link to yet. */
function LinkPicker({
  legend,
  options,
  picked,
  onToggle,
  testId,
}: {
  legend: string;
  options: { id: string; label: string }[];
  picked: readonly string[];
  onToggle(id: string, on: boolean): void;
  testId: string;
}) {
  return (
    <fieldset className="link-picker" data-testid={testId}>
      <legend>{legend}</legend>
      {options.length === 0 ? <span className="muted small">none in this workbook</span> : null}
      {options.map((o) => (
        <label key={o.id} className="check">
          <input
            type="checkbox"
            checked={picked.includes(o.id)}
            onChange={(e) => onToggle(o.id, e.target.checked)}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

const blank = {
  phase: 'detection',
  title: '',
  ownerRole: '',
  timebox: '5',
  checklist: '',
  stopConditionIds: [] as string[],
  waveIds: [] as string[],
};
type Links = 'stopConditionIds' | 'waveIds';

export function StepsEditor({ wb, book, readOnly }: { wb: Workbook; book: Runbook; readOnly: boolean }) {
  const id = useId();
  const cmd = useCommand();
  const [draft, setDraft] = useState(blank);
  const set = (k: Exclude<keyof typeof blank, Links>) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  const toggle = (k: Links, linkId: string, on: boolean) =>
    setDraft({ ...draft, [k]: on ? [...draft[k], linkId] : draft[k].filter((x) => x !== linkId) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const timebox = Number(draft.timebox);
    if (draft.timebox.trim() === '' || !Number.isFinite(timebox))
      return cmd.refuse('Timebox must be a number of minutes', 'step.timeboxMin');
    const step: Step = {
      id: `st-${Date.now().toString(36)}`,
      phase: draft.phase as Step['phase'],
      title: draft.title,
      ownerRole: draft.ownerRole,
      timeboxMin: timebox,
      checklist: draft.checklist
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      stopConditionIds: draft.stopConditionIds,
      waveIds: draft.waveIds,
    };
    // The schema the host applies, checked here first so the message names the field plainly.
    const checked = StepSchema.safeParse(step);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      return cmd.refuse(issue.message, `step.${issue.path.join('.')}`);
    }
    void cmd.run({ type: 'runbook.step-save', runbookId: book.id, step }, () => setDraft(blank));
  };
  const stopName = (sid: string) => wb.success.stopConditions.find((s) => s.id === sid)?.metric ?? sid;
  const waveName = (wid: string) => wb.waves.waves.find((w) => w.id === wid)?.name ?? wid;
  return (
    <div className="steps" data-testid={`steps-${book.id}`}>
      <ol className="step-list">
        {book.steps.map((s, i) => (
          <li key={s.id} className="step-item" data-testid="step">
            <span className="tag">{PHASE_LABELS[s.phase]}</span> <span className="strong">{s.title}</span>{' '}
            <span className="muted small">
              {s.ownerRole} · {s.timeboxMin} min
              {s.checklist.length > 0 ? ` · ${s.checklist.join('; ')}` : ''}
              {s.stopConditionIds.length > 0
                ? ` · stop conditions: ${s.stopConditionIds.map(stopName).join(', ')}`
                : ''}
              {s.waveIds.length > 0 ? ` · waves: ${s.waveIds.map(waveName).join(', ')}` : ''}
            </span>
            <span className="row-actions">
              <button
                type="button"
                className="btn small ghost"
                aria-label={`Move ${s.title} up`}
                disabled={readOnly || i === 0}
                onClick={() =>
                  void cmd.run({
                    type: 'runbook.step-move',
                    runbookId: book.id,
                    stepId: s.id,
                    toIndex: i - 1,
                  })
                }
              >
                ↑
              </button>
              <button
                type="button"
                className="btn small ghost"
                aria-label={`Move ${s.title} down`}
                disabled={readOnly || i === book.steps.length - 1}
                onClick={() =>
                  void cmd.run({
                    type: 'runbook.step-move',
                    runbookId: book.id,
                    stepId: s.id,
                    toIndex: i + 1,
                  })
                }
              >
                ↓
              </button>
              <button
                type="button"
                className="btn small ghost"
                aria-label={`Remove ${s.title}`}
                disabled={readOnly}
                onClick={() =>
                  void cmd.run({ type: 'runbook.step-remove', runbookId: book.id, stepId: s.id })
                }
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      {readOnly ? null : (
        <form className="inline-form" onSubmit={submit} aria-label={`Add a step to ${book.name}`}>
          <label htmlFor={`${id}-phase`}>Phase</label>
          <select id={`${id}-phase`} value={draft.phase} onChange={set('phase')}>
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {PHASE_LABELS[p]}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-title`}>Step</label>
          <input id={`${id}-title`} value={draft.title} onChange={set('title')} data-testid="step-title" />
          <label htmlFor={`${id}-owner`}>Owner role</label>
          <input
            id={`${id}-owner`}
            value={draft.ownerRole}
            onChange={set('ownerRole')}
            data-testid="step-owner"
          />
          <label htmlFor={`${id}-timebox`}>Timebox (min)</label>
          <input
            id={`${id}-timebox`}
            value={draft.timebox}
            onChange={set('timebox')}
            inputMode="decimal"
            size={5}
            data-testid="step-timebox"
          />
          <label htmlFor={`${id}-check`}>Checklist</label>
          <input
            id={`${id}-check`}
            value={draft.checklist}
            onChange={set('checklist')}
            placeholder="comma-separated"
          />
          <LinkPicker
            legend="Acts on stop conditions"
            options={wb.success.stopConditions.map((c) => ({ id: c.id, label: c.metric }))}
            picked={draft.stopConditionIds}
            onToggle={(linkId, on) => toggle('stopConditionIds', linkId, on)}
            testId="step-stops"
          />
          <LinkPicker
            legend="Acts on waves"
            options={wb.waves.waves.map((w) => ({ id: w.id, label: w.name }))}
            picked={draft.waveIds}
            onToggle={(linkId, on) => toggle('waveIds', linkId, on)}
            testId="step-waves"
          />
          <button type="submit" className="btn small" disabled={cmd.busy} data-testid="step-add">
            Add step
          </button>
          {cmd.error ? (
            <p className="field-error" role="alert" data-testid="step-error">
              {cmd.error}
            </p>
          ) : null}
        </form>
      )}
    </div>
  );
}
