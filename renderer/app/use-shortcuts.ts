import { useEffect } from 'react';
import { isEditable, redo, undo } from '../store/actions';
import { useAppStore } from '../store/app-store';

/**
 * Ctrl/Cmd+Z undoes workbook changes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo — except inside a text
 * field, where the same keys must keep undoing typing, as users expect.
 */
export function useUndoShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || !(e.ctrlKey || e.metaKey)) return;
      if (isEditable(document.activeElement)) return;
      const key = e.key.toLowerCase();
      const session = useAppStore.getState().session;
      // A shortcut with nothing to act on stays quiet, like the disabled header buttons.
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        if (session?.canUndo) void undo();
      } else if ((key === 'z' && e.shiftKey) || (key === 'y' && e.ctrlKey && !e.shiftKey)) {
        e.preventDefault();
        if (session?.canRedo) void redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
