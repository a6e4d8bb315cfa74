import { useId, useState } from 'react';
import type { Pilot, Update } from '../../../shared/areas/pilot/schema';
import { type Draft, youSaidDocument, youSaidDrafts } from '../../../shared/areas/pilot/you-said';
import { useCommand } from '../../components/use-command';
import { ExportButtons } from '../../export/ExportButtons';
import { useAppStore } from '../../store/app-store';

// "You said, we did": one draft per audience from the re-tested feedback. An edit is saved into
// the workbook (pilot.updates), so it survives a restart and travels with the file; "draft again"
// drops the edit and goes back to the text the feedback gives now.

export function YouSaidPanel({ pilot, readOnly }: { pilot: Pilot; readOnly: boolean }) {
  const id = useId();
  const drafts = youSaidDrafts(pilot.feedback);
  const saved = new Map(pilot.updates.map((u) => [u.audience, u]));
  const build = () => {
    const { session } = useAppStore.getState();
    const wb = session?.workbook;
    if (!wb) throw new Error('No workbook is open.');
    const edited = new Map(wb.pilot.updates.map((u) => [u.audience, u]));
    return youSaidDocument(
      youSaidDrafts(wb.pilot.feedback).map((d) => edited.get(d.audience) ?? d),
      {
        workbook: wb.name,
        revision: wb.revision,
        at: new Date().toISOString(),
        by: session.user ? `${session.user.name} (${session.user.role})` : '',
      },
    );
  };
  return (
    <section className="collection you-said" aria-labelledby={`${id}-title`} data-testid="you-said">
      <div className="collection-head">
        <h2 id={`${id}-title`}>“You said, we did” updates</h2>
        <ExportButtons build={build} testid="you-said-export" disabled={drafts.length === 0} />
      </div>
      <p className="collection-intro">
        A draft per audience from the feedback that is fixed and re-tested. Edit it before it goes out; the
        export writes Markdown and a printable HTML page.
      </p>
      {drafts.length === 0 ? (
        <p className="collection-empty">
          No feedback is fixed and re-tested yet: nothing to tell anyone so far.
        </p>
      ) : (
        drafts.map((d) => (
          <DraftEditor key={d.audience} draft={d} saved={saved.get(d.audience)} readOnly={readOnly} />
        ))
      )}
    </section>
  );
}

function DraftEditor({
  draft,
  saved,
  readOnly,
}: {
  draft: Draft;
  saved: Update | undefined;
  readOnly: boolean;
}) {
  const id = useId();
  const revision = useAppStore((s) => s.session?.workbook?.revision ?? 0);
  const current = saved?.text ?? draft.text;
  const [text, setText] = useState(current);
  const [base, setBase] = useState(current);
  const cmd = useCommand();
  // The workbook moved under an untouched editor (another window, an undo): follow it.
  if (base !== current && text === base) {
    setBase(current);
    setText(current);
  }
  const dirty = text !== current;
  const save = () =>
    void cmd.run(
      saved
        ? {
            type: 'item.update',
            collection: 'pilot.updates',
            id: saved.id,
            baseRevision: revision,
            item: { ...saved, text },
          }
        : {
            type: 'item.add',
            collection: 'pilot.updates',
            item: { id: `upd-${crypto.randomUUID().slice(0, 8)}`, audience: draft.audience, text },
          },
    );
  const redraft = () =>
    saved
      ? void cmd.run({
          type: 'item.remove',
          collection: 'pilot.updates',
          id: saved.id,
          baseRevision: revision,
        })
      : setText(draft.text);
  return (
    <article className="you-said-draft" data-testid="you-said-draft" data-audience={draft.audience}>
      <h3 id={`${id}-h`}>
        {draft.audience}{' '}
        <span className="muted small">
          {draft.items} item{draft.items === 1 ? '' : 's'}
          {saved ? ' · edited' : ' · draft'}
        </span>
      </h3>
      <textarea
        aria-labelledby={`${id}-h`}
        rows={Math.min(14, text.split('\n').length + 1)}
        value={text}
        readOnly={readOnly}
        onChange={(e) => setText(e.target.value)}
        data-testid="you-said-text"
      />
      {readOnly ? null : (
        <div className="input-row">
          <button
            type="button"
            className="btn"
            disabled={!dirty || cmd.busy}
            onClick={save}
            data-testid="you-said-save"
          >
            Save edits
          </button>
          <button
            type="button"
            className="btn"
            disabled={cmd.busy || (!saved && !dirty)}
            onClick={redraft}
            data-testid="you-said-redraft"
          >
            Draft again from feedback
          </button>
        </div>
      )}
      {cmd.error ? (
        <p className="field-error" role="alert">
          {cmd.error}
        </p>
      ) : null}
    </article>
  );
}
