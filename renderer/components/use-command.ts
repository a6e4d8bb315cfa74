import { useState } from 'react';
import { toBridgeError } from '../bridge';
import { dispatch } from '../store/actions';

// Sending one command from a form: busy while it is in flight, the host's refusal kept as the
// form's error (with the field it points at, for forms that show it there), and `then` run only
// when the command was applied, so what the user typed stays when it was not.

interface Refusal {
  message: string;
  where: string;
}

export function useCommand() {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (command: Parameters<typeof dispatch>[0], then?: () => void): Promise<boolean> => {
    setBusy(true);
    setRefusal(null);
    try {
      await dispatch(command);
      then?.();
      return true;
    } catch (err) {
      const { message, where } = toBridgeError(err);
      setRefusal({ message, where });
      return false;
    } finally {
      setBusy(false);
    }
  };
  /** A refusal found before sending (a missing reason), shown like the host's own. */
  const refuse = (message: string, where = '') => setRefusal({ message, where });
  const clear = () => setRefusal(null);
  return { error: refusal?.message ?? null, where: refusal?.where ?? '', busy, run, refuse, clear };
}
