import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

// The clock the countdowns draw with. A countdown must be right on the first frame a window
// paints after it was in the background (throttled or frozen for minutes) and never more than a
// second off while it is shown, so an interval will not do: a throttled one is up to a minute
// stale when the page comes back, and even unthrottled it adds its own period to the second the
// display rounds to. Instead, each animation frame asks what the display would say now (`key`),
// and only when that changes does the component render, synchronously, inside the frame, so the
// frame that paints carries the new value. Frames stop while the window is hidden and resume with
// its first visible frame; a frame costs one `key` call.

export function useFrameNow(key: (now: number) => string): number {
  const [now, setNow] = useState(() => Date.now());
  const keyRef = useRef(key);
  keyRef.current = key;
  useEffect(() => {
    let shown = keyRef.current(Date.now());
    let frame = 0;
    const look = () => {
      const t = Date.now();
      const k = keyRef.current(t);
      if (k !== shown) {
        shown = k;
        flushSync(() => setNow(t));
      }
      frame = requestAnimationFrame(look);
    };
    frame = requestAnimationFrame(look);
    return () => cancelAnimationFrame(frame);
  }, []);
  return now;
}
