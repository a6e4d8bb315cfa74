import { useState } from 'react';
import { DRILL_CAPABILITIES, type Scenario } from '../../../shared/areas/drills/schema';
import { toBridgeError } from '../../bridge';
import { newId } from '../../components/collection/draft';
import { dispatch } from '../../store/actions';
import { pushToast } from '../../store/app-store';
import { InjectFields } from './InjectFields';
import { fromDraft, type ScenarioDraft, toDraft } from './scenario-draft';

// Editing one scenario of the workbook: its objectives, its injects in time order and its
// discussion questions. Saved as one change against the revision it was opened at, so someone
// else's edit in between is refused with who and when, and the form keeps what was typed.

interface Props {
  scenario: Scenario;
  baseRevision: number;
  readOnly: boolean;
  onClose(): void;
}

export function ScenarioEditor({ scenario, baseRevision, readOnly, onClose }: Props) {
  const [draft, setDraft] = useState<ScenarioDraft>(() => toDraft(scenario));
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ScenarioDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const disabled = readOnly || busy;

  const save = async () => {
    const result = fromDraft(draft, scenario);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setBusy(true);
    try {
      await dispatch({
        type: 'item.update',
        collection: 'drills.scenarios',
        id: scenario.id,
        item: result.scenario,
        baseRevision,
      });
      pushToast('success', `Saved scenario '${result.scenario.name}'`);
      onClose();
    } catch (err) {
      setErrors([toBridgeError(err).message]);
    } finally {
      setBusy(false);
    }
  };

  const addInject = () => {
    const last = draft.injects.at(-1);
    set({
      injects: [
        ...draft.injects,
        { id: newId('inj'), at: last?.at ?? '0', title: '', detail: '', recipients: '', expected: [] },
      ],
    });
  };

  return (
    <form
      className="scenario-editor item-form"
      data-testid="scenario-editor"
      aria-label={`Edit scenario '${scenario.name}'`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>Edit scenario</h3>
      {errors.length > 0 ? (
        <div className="form-error" role="alert" data-testid="scenario-errors">
          <p>Not saved: nothing was changed.</p>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="form-grid">
        <div className="field span-xl">
          <label htmlFor="scn-name">Name</label>
          <input
            id="scn-name"
            data-testid="scenario-name"
            value={draft.name}
            disabled={disabled}
            onChange={(e) => set({ name: e.target.value })}
          />
        </div>
        <div className="field span-sm">
          <label htmlFor="scn-duration">Length (minutes)</label>
          <input
            id="scn-duration"
            data-testid="scenario-duration"
            inputMode="decimal"
            value={draft.duration}
            disabled={disabled}
            onChange={(e) => set({ duration: e.target.value })}
          />
        </div>
        <div className="field span-full">
          <label htmlFor="scn-summary">Situation at T0</label>
          <textarea
            id="scn-summary"
            data-testid="scenario-summary"
            rows={3}
            value={draft.summary}
            disabled={disabled}
            onChange={(e) => set({ summary: e.target.value })}
          />
        </div>
      </div>

      <fieldset className="objective-fields">
        <legend>Objectives</legend>
        {draft.objectives.map((o, i) => (
          <div className="expected-row" key={o.id} data-testid={`objective-${i}`}>
            <div className="field">
              <label htmlFor={`obj-${i}-text`}>Objective {i + 1}</label>
              <input
                id={`obj-${i}-text`}
                data-testid={`objective-${i}-text`}
                value={o.text}
                disabled={disabled}
                onChange={(e) =>
                  set({
                    objectives: draft.objectives.map((x, k) =>
                      k === i ? { ...x, text: e.target.value } : x,
                    ),
                  })
                }
              />
            </div>
            <div className="field exp-objective">
              <label htmlFor={`obj-${i}-cap`}>Capability</label>
              <select
                id={`obj-${i}-cap`}
                data-testid={`objective-${i}-capability`}
                value={o.capability}
                disabled={disabled}
                onChange={(e) =>
                  set({
                    objectives: draft.objectives.map((x, k) =>
                      k === i ? { ...x, capability: e.target.value as typeof o.capability } : x,
                    ),
                  })
                }
              >
                {DRILL_CAPABILITIES.map((c) => (
                  <option key={c} value={c}>
                    {c.replace('-', ' ')}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="btn small"
              disabled={disabled}
              aria-label={`Remove objective ${i + 1}`}
              onClick={() => set({ objectives: draft.objectives.filter((_, k) => k !== i) })}
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn small"
          data-testid="add-objective"
          disabled={disabled}
          onClick={() =>
            set({
              objectives: [...draft.objectives, { id: newId('obj'), text: '', capability: 'detection' }],
            })
          }
        >
          Add objective
        </button>
      </fieldset>

      {draft.injects.map((inj, i) => (
        <InjectFields
          key={inj.id}
          index={i}
          inject={inj}
          objectives={draft.objectives}
          disabled={disabled}
          onChange={(next) => set({ injects: draft.injects.map((x, k) => (k === i ? next : x)) })}
          onRemove={() => set({ injects: draft.injects.filter((_, k) => k !== i) })}
        />
      ))}
      <button
        type="button"
        className="btn small"
        data-testid="add-inject"
        disabled={disabled}
        onClick={addInject}
      >
        Add inject
      </button>

      <div className="field span-full">
        <label htmlFor="scn-questions">Discussion questions</label>
        <textarea
          id="scn-questions"
          data-testid="scenario-questions"
          rows={4}
          value={draft.questions}
          disabled={disabled}
          aria-describedby="scn-questions-hint"
          onChange={(e) => set({ questions: e.target.value })}
        />
        <p className="field-hint" id="scn-questions-hint">
          One question a line.
        </p>
      </div>

      <div className="form-actions">
        <button type="submit" className="btn primary" data-testid="save-scenario" disabled={disabled}>
          Save scenario
        </button>
        <button type="button" className="btn" data-testid="cancel-scenario" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
