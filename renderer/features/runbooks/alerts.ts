import { useEffect } from 'react';
import { create } from 'zustand';
import type { TimerAlert } from '../../../shared/contract';
import { getBridge } from '../../bridge';
import { pushToast } from '../../store/app-store';

// A host timer that expires arrives once as an event in every window. The main window raises it
// as a toast (and a system notification when the user allowed them); the projector shows it as a
// banner until someone dismisses it. The host sends each expiry once, so there is nothing to
// de-duplicate here; a window opened later sees the timer as overdue, without an alert.

interface AlertState {
  alerts: TimerAlert[];
}

export const useTimerAlerts = create<AlertState>(() => ({ alerts: [] }));

export function dismissTimerAlerts(): void {
  useTimerAlerts.setState({ alerts: [] });
}

const alertText = (a: TimerAlert) => `${a.label}${a.incident ? ` — ${a.incident}` : ''}`;

function notify(alerts: TimerAlert[]): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    new Notification(alerts.length === 1 ? 'Timer expired' : `${alerts.length} timers expired`, {
      body: alerts.map(alertText).join('\n'),
    });
  } catch {
    // Some browsers only allow notifications from a service worker; the toast is still there.
  }
}

// What this tab has raised, so a reload does not raise it again (the host's recent list still has it).
const KEY = 'rollout-war-room.timer-alerts';
const keyOf = (a: TimerAlert) => `${a.timerId}@${a.firedAt}`;

function unseen(alerts: TimerAlert[]): TimerAlert[] {
  let seen: string[] = [];
  try {
    seen = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as string[];
  } catch {
    // Without storage a reload may raise one again; better than missing one.
  }
  const fresh = alerts.filter((a) => !seen.includes(keyOf(a)));
  try {
    sessionStorage.setItem(KEY, JSON.stringify([...seen, ...fresh.map(keyOf)].slice(-200)));
  } catch {
    // As above.
  }
  return fresh;
}

/**
 * Listens for expiries; `toast` is false on the projector, which shows its own banner. A window
 * that connects just after an expiry (the app starting with a timer that ran out while it was
 * closed) asks the host for what it raised lately, so that alert is not missed either.
 */
export function useTimerAlertListener(toast: boolean): void {
  useEffect(() => {
    const raise = (all: TimerAlert[]) => {
      const alerts = unseen(all);
      if (alerts.length === 0) return;
      useTimerAlerts.setState((s) => ({ alerts: [...alerts, ...s.alerts].slice(0, 20) }));
      if (!toast) return;
      pushToast(
        'error',
        alerts.length === 1
          ? `Timer expired: ${alertText(alerts[0]!)}`
          : `${alerts.length} timers expired: ${alerts.slice(0, 3).map(alertText).join('; ')}${alerts.length > 3 ? '…' : ''}`,
      );
      notify(alerts);
    };
    const bridge = getBridge();
    void bridge
      .invoke('runbooks:recent-alerts', undefined)
      .then(raise)
      .catch(() => undefined);
    return bridge.on('runbooks:timers-expired', ({ alerts }) => raise(alerts));
  }, [toast]);
}

/** Asks for system notifications, from a click (browsers refuse a request nobody asked for). */
export async function askForNotifications(): Promise<NotificationPermission | 'unsupported'> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}
