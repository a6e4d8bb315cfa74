import type { Objective } from '../../../shared/areas/drills/schema';
import { newId } from '../../components/collection/draft';
import type { InjectDraft } from './scenario-draft';

// One inject in the scenario form: when (minutes from T0), what, to whom, and what the room is
// expected to do by when. Each control has its own label for screen readers.

interface Props {
  index: number;
  inject: InjectDraft;
  objectives: readonly Objective[];
  disabled: boolean;
  onChange(next: InjectDraft): void;
  onRemove(): void;
}

export function InjectFields({ index, inject, objectives, disabled, onChange, onRemove }: Props) {
  const n = index + 1;
  const set = (patch: Partial<InjectDraft>) => onChange({ ...inject, ...patch });
  const tid = `inject-${index}`;
  return (
    <fieldset className="inject-fields" data-testid={tid}>
      <legend>Inject {n}</legend>
      <div className="form-grid">
        <div className="field span-sm">
          <label htmlFor={`${tid}-at`}>At T+ (minutes)</label>
          <input
            id={`${tid}-at`}
            data-testid={`${tid}-at`}
            inputMode="decimal"
            value={inject.at}
            disabled={disabled}
            onChange={(e) => set({ at: e.target.value })}
          />
        </div>
        <div className="field span-xl">
          <label htmlFor={`${tid}-title`}>What happens</label>
          <input
            id={`${tid}-title`}
            data-testid={`${tid}-title`}
            value={inject.title}
            disabled={disabled}
            onChange={(e) => set({ title: e.target.value })}
          />
        </div>
        <div className="field span-lg">
          <label htmlFor={`${tid}-recipients`}>Sent to</label>
          <input
            id={`${tid}-recipients`}
            data-testid={`${tid}-recipients`}
            value={inject.recipients}
            disabled={disabled}
            aria-describedby={`${tid}-recipients-hint`}
            onChange={(e) => set({ recipients: e.target.value })}
          />
          <p className="field-hint" id={`${tid}-recipients-hint`}>
            Roles or teams, separated by commas.
          </p>
        </div>
        <div className="field span-full">
          <label htmlFor={`${tid}-detail`}>What they are told</label>
          <textarea
            id={`${tid}-detail`}
            data-testid={`${tid}-detail`}
            rows={3}
            value={inject.detail}
            disabled={disabled}
            onChange={(e) => set({ detail: e.target.value })}
          />
        </div>
      </div>
      <div className="expected-list">
        <p className="expected-head">Expected of the room</p>
        {inject.expected.map((exp, j) => {
          const eid = `${tid}-expected-${j}`;
          const setExp = (patch: Partial<typeof exp>) =>
            set({ expected: inject.expected.map((e, k) => (k === j ? { ...e, ...patch } : e)) });
          return (
            <div className="expected-row" key={exp.id} data-testid={eid}>
              <div className="field">
                <label htmlFor={`${eid}-text`}>Action {j + 1}</label>
                <input
                  id={`${eid}-text`}
                  data-testid={`${eid}-text`}
                  value={exp.text}
                  disabled={disabled}
                  onChange={(e) => setExp({ text: e.target.value })}
                />
              </div>
              <div className="field exp-by">
                <label htmlFor={`${eid}-by`}>By T+ (min)</label>
                <input
                  id={`${eid}-by`}
                  data-testid={`${eid}-by`}
                  inputMode="decimal"
                  value={exp.by}
                  disabled={disabled}
                  onChange={(e) => setExp({ by: e.target.value })}
                />
              </div>
              <div className="field exp-objective">
                <label htmlFor={`${eid}-objective`}>Shows objective</label>
                <select
                  id={`${eid}-objective`}
                  data-testid={`${eid}-objective`}
                  value={exp.objectiveId}
                  disabled={disabled}
                  onChange={(e) => setExp({ objectiveId: e.target.value })}
                >
                  <option value="">None</option>
                  {objectives.map((o, k) => (
                    <option key={o.id} value={o.id}>
                      {k + 1}. {o.text}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                className="btn small"
                disabled={disabled}
                aria-label={`Remove action ${j + 1} of inject ${n}`}
                onClick={() => set({ expected: inject.expected.filter((_, k) => k !== j) })}
              >
                Remove
              </button>
            </div>
          );
        })}
        <div className="inject-actions">
          <button
            type="button"
            className="btn small"
            data-testid={`${tid}-add-expected`}
            disabled={disabled}
            onClick={() =>
              set({
                expected: [
                  ...inject.expected,
                  { id: newId('exp'), text: '', by: inject.at, objectiveId: '' },
                ],
              })
            }
          >
            Add expected action
          </button>
          <button
            type="button"
            className="btn small"
            data-testid={`${tid}-remove`}
            disabled={disabled}
            onClick={onRemove}
          >
            Remove inject {n}
          </button>
        </div>
      </div>
    </fieldset>
  );
}
