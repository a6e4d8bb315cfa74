import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

// True while the page is being printed. A chart's table is only built when someone asks for it
// (tens of thousands of rows cost real time on every update), but a printout must carry it: the
// browser fires beforeprint and waits for the handler, so the table is rendered synchronously
// there, and the print media query catches print previews and emulated print media.

export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => window.matchMedia?.('print').matches ?? false);
  useEffect(() => {
    const query = window.matchMedia?.('print');
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(query?.matches ?? false);
    const change = (e: MediaQueryListEvent) => (e.matches ? before() : after());
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    query?.addEventListener('change', change);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      query?.removeEventListener('change', change);
    };
  }, []);
  return printing;
}
