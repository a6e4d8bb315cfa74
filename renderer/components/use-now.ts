import { useEffect, useState } from 'react';

// A clock for views that age: gate freshness ("38 s ago"), holds counting down, "updated N s
// ago". Verdicts are pure functions of the workbook and the time, so ticking is all it takes for
// a gate to turn STALE on screen without anyone editing anything.

export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
