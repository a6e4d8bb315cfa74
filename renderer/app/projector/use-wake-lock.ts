import { useEffect, useState } from 'react';

// A projected board must not go dark mid-meeting. The desktop shell keeps the display awake
// itself (powerSaveBlocker in Electron main, while the projector window is open), and its
// hardened session refuses every permission, so the page does not ask there. In a browser the
// Screen Wake Lock API does it; the browser drops the lock whenever the page is hidden, so it is
// taken again each time the page is visible. Where the API is missing or refused, the board
// works the same and says, in a small note, that the screen may sleep.

export type WakeState = 'shell' | 'pending' | 'on' | 'unsupported' | 'refused';

interface WakeLockSentinelLike {
  released: boolean;
  release(): Promise<void>;
}

interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

const wakeLockApi = () => (navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock;

export function useWakeLock(): WakeState {
  const shell = typeof window !== 'undefined' && window.warroom !== undefined;
  const [state, setState] = useState<WakeState>(shell ? 'shell' : wakeLockApi() ? 'pending' : 'unsupported');

  useEffect(() => {
    const wakeLock = wakeLockApi();
    if (shell || !wakeLock) return;
    let sentinel: WakeLockSentinelLike | null = null;
    let disposed = false;
    const acquire = async () => {
      if (document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      try {
        const got = await wakeLock.request('screen');
        if (disposed) {
          void got.release();
          return;
        }
        sentinel = got;
        setState('on');
      } catch {
        setState('refused');
      }
    };
    const onVisibility = () => void acquire();
    document.addEventListener('visibilitychange', onVisibility);
    void acquire();
    return () => {
      disposed = true;
      document.removeEventListener('visibilitychange', onVisibility);
      if (sentinel && !sentinel.released) void sentinel.release();
    };
  }, [shell]);

  return state;
}
