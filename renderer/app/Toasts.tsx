import { useEffect } from 'react';
import { undo } from '../store/actions';
import { dismissToast, type Toast, useAppStore } from '../store/app-store';

// Errors stay until dismissed: in a war room the one message you missed is the one that mattered.
const AUTO_DISMISS_MS = { info: 8000, success: 5000 } as const;

function ToastView({ toast, revision }: { toast: Toast; revision: number | null }) {
  useEffect(() => {
    if (toast.tone === 'error') return;
    const t = setTimeout(() => dismissToast(toast.id), AUTO_DISMISS_MS[toast.tone]);
    return () => clearTimeout(t);
  }, [toast]);

  const canUndo = toast.undoAtRevision !== undefined && toast.undoAtRevision === revision;
  return (
    <div
      className={`toast toast-${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      data-testid={`toast-${toast.tone}`}
    >
      <p className="toast-message">
        {toast.message}
        {canUndo ? <span className="toast-sep"> — </span> : null}
      </p>
      {canUndo ? (
        <button
          type="button"
          className="btn small"
          data-testid="toast-undo"
          onClick={() => {
            dismissToast(toast.id);
            void undo();
          }}
        >
          Undo
        </button>
      ) : null}
      <button
        type="button"
        className="btn small ghost"
        aria-label="Dismiss notification"
        data-testid="toast-dismiss"
        onClick={() => dismissToast(toast.id)}
      >
        ✕
      </button>
    </div>
  );
}

export function Toasts() {
  const toasts = useAppStore((s) => s.toasts);
  const revision = useAppStore((s) => s.session?.workbook?.revision ?? null);
  return (
    <section className="toasts" aria-label="Notifications">
      {toasts.map((t) => (
        <ToastView key={t.id} toast={t} revision={revision} />
      ))}
    </section>
  );
}
