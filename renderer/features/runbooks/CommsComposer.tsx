import { useId, useMemo, useState } from 'react';
import {
  type ComposerInput,
  fieldValues,
  fill,
  gaps,
  plainText,
  recentActions,
  templateFor,
} from '../../../shared/areas/runbooks/comms';
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  type Audience,
  type Incident,
} from '../../../shared/areas/runbooks/schema';
import type { Workbook } from '../../../shared/schema/workbook';
import { useCommand } from '../../components/use-command';
import { useNow } from '../../components/use-now';
import { pushToast } from '../../store/app-store';

// The comms composer: a template for the audience, filled from the workbook, with what only a
// person knows typed beside it; a preview where every gap is marked; copy to the clipboard; and
// "mark as sent", which logs the message in the timeline and restarts that audience's cadence.

export function CommsComposer({
  wb,
  incident,
  readOnly,
  onSent,
}: {
  wb: Workbook;
  incident: Incident;
  readOnly: boolean;
  /** Called once the host logged the message as sent (a drill logs the use in its own log). */
  onSent?: (audience: Audience, text: string) => void;
}) {
  const id = useId();
  const now = useNow(15_000);
  const cmd = useCommand();
  const [audience, setAudience] = useState<Audience>('executive');
  const [input, setInput] = useState<ComposerInput>(() => ({
    impact: '',
    conditions: '',
    actions: recentActions(incident),
    needs: '',
  }));
  const template = templateFor(wb, audience);
  const segments = useMemo(
    () => fill(template.body, fieldValues(wb, incident, input, now)),
    [template, wb, incident, input, now],
  );
  const text = plainText(segments);
  const missing = gaps(segments);
  const set = (k: keyof ComposerInput) => (e: { target: { value: string } }) =>
    setInput({ ...input, [k]: e.target.value });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      pushToast('success', `${AUDIENCE_LABELS[audience]} copied to the clipboard.`);
    } catch {
      pushToast('error', 'The browser refused the clipboard: select the preview and copy it by hand.');
    }
  };
  return (
    <section className="collection" aria-labelledby={`${id}-title`} data-testid="comms-composer">
      <div className="collection-head">
        <h2 id={`${id}-title`}>Comms for {incident.title}</h2>
      </div>
      <div className="inline-form">
        <label htmlFor={`${id}-aud`}>Audience</label>
        <select
          id={`${id}-aud`}
          value={audience}
          onChange={(e) => setAudience(e.target.value as Audience)}
          data-testid="comms-audience"
        >
          {AUDIENCES.map((a) => (
            <option key={a} value={a}>
              {AUDIENCE_LABELS[a]}
            </option>
          ))}
        </select>
        <span className="muted small">template: {template.name}</span>
      </div>
      <div className="form-grid">
        {(['impact', 'conditions', 'actions', 'needs'] as const).map((k) => (
          <div key={k} className="field span-lg">
            <label htmlFor={`${id}-${k}`}>{k.charAt(0).toUpperCase() + k.slice(1)}</label>
            <textarea
              id={`${id}-${k}`}
              rows={2}
              value={input[k]}
              onChange={set(k)}
              data-testid={`comms-${k}`}
            />
          </div>
        ))}
      </div>
      <h3 className="small">Preview</h3>
      <pre className="comms-preview" data-testid="comms-preview">
        {segments.map((s, i) =>
          'text' in s ? (
            s.text
          ) : s.value === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
            <mark key={i} data-testid="comms-gap">
              [{s.field.replace('_', ' ')}: not filled]
            </mark>
          ) : (
            s.value
          ),
        )}
      </pre>
      {missing.length > 0 ? (
        <p className="muted small" data-testid="comms-missing">
          Not filled: {missing.join(', ')}.
        </p>
      ) : null}
      <p className="row-actions">
        <button type="button" className="btn small" onClick={() => void copy()} data-testid="comms-copy">
          Copy
        </button>
        <button
          type="button"
          className="btn small primary"
          disabled={readOnly || cmd.busy}
          onClick={() =>
            void cmd.run({ type: 'comms.sent', incidentId: incident.id, audience, text }, () =>
              onSent?.(audience, text),
            )
          }
          data-testid="comms-sent"
        >
          Mark as sent
        </button>
        {cmd.error ? (
          <span className="field-error" role="alert">
            {cmd.error}
          </span>
        ) : null}
      </p>
    </section>
  );
}
