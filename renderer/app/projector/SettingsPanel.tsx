import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import {
  bodyFontPx,
  MIN_BODY_PX,
  type ProjectorSettings,
  ProjectorSettingsSchema,
} from '../../../shared/domain/projector';
import { getBridge, toBridgeError } from '../../bridge';

// The room size: how far the back row sits and how wide the picture is. The type scales so a
// character subtends 16 arcminutes at the back row (shared/domain/projector.ts). Saved in the
// host's settings, so the board comes back at the same size after a restart, in every window.

export function SettingsPanel({ settings, onClose }: { settings: ProjectorSettings; onClose: () => void }) {
  const [distance, setDistance] = useState(String(settings.distanceMeters));
  const [width, setWidth] = useState(String(settings.screenWidthMeters));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const ids = useId();

  // Focus goes into the dialog, and back where it was when the dialog closes.
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    first.current?.select();
    first.current?.focus();
    return () => before?.focus();
  }, []);

  const parsed = ProjectorSettingsSchema.safeParse({
    distanceMeters: distance.trim() === '' ? Number.NaN : Number(distance),
    screenWidthMeters: width.trim() === '' ? Number.NaN : Number(width),
  });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the two numbers.');
      return;
    }
    setBusy(true);
    try {
      await getBridge().invoke('projector:set-settings', parsed.data);
      onClose();
    } catch (err) {
      setError(toBridgeError(err).message);
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Esc anywhere in the dialog closes it
    <div className="pj-dialog-backdrop" onKeyDown={onKeyDown}>
      <div
        className="pj-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${ids}-title`}
        data-testid="projector-settings"
      >
        <h2 id={`${ids}-title`}>Room size</h2>
        <p className="pj-dim">
          Type grows so characters are readable from the back row (16 arcminutes), never below {MIN_BODY_PX}{' '}
          px.
        </p>
        <form onSubmit={(e) => void save(e)} noValidate>
          <label htmlFor={`${ids}-distance`}>Distance to the back row (m)</label>
          <input
            id={`${ids}-distance`}
            ref={first}
            inputMode="decimal"
            value={distance}
            onChange={(e) => setDistance(e.target.value)}
            data-testid="projector-distance"
            aria-describedby={`${ids}-preview`}
          />
          <label htmlFor={`${ids}-width`}>Width of the projected picture (m)</label>
          <input
            id={`${ids}-width`}
            inputMode="decimal"
            value={width}
            onChange={(e) => setWidth(e.target.value)}
            data-testid="projector-screen-width"
            aria-describedby={`${ids}-preview`}
          />
          <p id={`${ids}-preview`} aria-live="polite" data-testid="projector-preview">
            {parsed.success
              ? `Body text: ${bodyFontPx(parsed.data)} px on a 1920 px wide picture.`
              : (parsed.error.issues[0]?.message ?? 'Check the two numbers.')}
          </p>
          {error ? (
            <p role="alert" className="pj-dialog-error" data-testid="projector-settings-error">
              {error}
            </p>
          ) : null}
          <div className="pj-dialog-actions">
            <button type="submit" disabled={busy} data-testid="projector-settings-save">
              Save
            </button>
            <button type="button" onClick={onClose}>
              Cancel (Esc)
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
