import { useId, useState } from 'react';
import { useAppStore } from '../store/app-store';
import { ImportDialog } from './ImportDialog';
import { ImportsPanel } from './ImportsPanel';

// The Waves screen's door to the CSV import: the button that opens the dialog for readings, and
// the list of past imports with a way to take one back.

export function ReadingsImport() {
  const id = useId();
  const [open, setOpen] = useState(false);
  const readOnly = useAppStore((s) => s.session?.file?.readOnly ?? false);
  return (
    <section
      className="collection imports-panel"
      aria-labelledby={`${id}-title`}
      data-testid="readings-import"
    >
      <div className="collection-head">
        <h2 id={`${id}-title`}>Imported readings</h2>
        <button
          type="button"
          className="btn primary"
          data-testid="import-readings"
          disabled={readOnly}
          onClick={() => setOpen(true)}
        >
          Import readings…
        </button>
      </div>
      <p className="collection-intro">
        Readings exported from a dashboard as CSV land in the metrics of the wave that was live at their time.
      </p>
      <ImportsPanel kind="readings" noun="readings" />
      <ImportDialog kind="readings" title="Import readings" open={open} onClose={() => setOpen(false)} />
    </section>
  );
}
