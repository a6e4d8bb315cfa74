import { useId, useState } from 'react';
import type { ImportKindId } from '../../shared/import/kinds';
import { useAppStore } from '../store/app-store';
import { ImportDialog } from './ImportDialog';
import { ImportsPanel } from './ImportsPanel';

// A screen's door to the one CSV import, for one kind: the button that opens the dialog, and the
// list of past imports of that kind with a way to take one back.

interface Props {
  kind: ImportKindId & ('readings' | 'deployments' | 'incidents' | 'people');
  /** "Imported readings". */
  title: string;
  /** One sentence: where the records of the file land. */
  intro: string;
  /** "readings", for the button and the list. */
  noun: string;
}

export function ImportSection({ kind, title, intro, noun }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  return (
    <section
      className="collection imports-panel"
      aria-labelledby={`${id}-title`}
      data-testid={`${kind}-import`}
    >
      <div className="collection-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <button
          type="button"
          className="btn primary"
          data-testid={`import-${kind}`}
          disabled={readOnly}
          onClick={() => setOpen(true)}
        >
          Import {noun}…
        </button>
      </div>
      <p className="collection-intro">{intro}</p>
      <ImportsPanel kind={kind} noun={noun} />
      {/* Mounted only while open: a screen with several imports holds one dialog (and worker) at most. */}
      {open ? (
        <ImportDialog kind={kind} title={`Import ${noun}`} open onClose={() => setOpen(false)} />
      ) : null}
    </section>
  );
}
