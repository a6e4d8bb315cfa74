import type { EventName, Events } from '../../shared/contract';

/**
 * A listener may return a promise: its delivery (a large push still on its way to a window).
 * Anything else it returns is ignored, as for any event listener.
 */
type Listener<E extends EventName> = (payload: Events[E]) => unknown;

/** Push events to every window. A failing listener (a window mid-close) must not stop the rest. */
export class Emitter {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();
  private readonly inFlight = new Set<Promise<void>>();

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const entry = listener as Listener<EventName>;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        const delivery = listener(payload);
        if (delivery instanceof Promise) this.track(delivery, event);
      } catch (error) {
        console.error(`A listener for ${event} failed:`, error);
      }
    }
  }

  /**
   * Resolves once every delivery in flight now has finished, or after `maxMs`, whichever is
   * first: a window that stopped reading must not hold anything up for longer than that.
   */
  delivered(maxMs: number): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, maxMs);
    });
    return Promise.race([Promise.allSettled([...this.inFlight]).then(() => undefined), late]).finally(() =>
      clearTimeout(timer),
    );
  }

  private track(delivery: Promise<unknown>, event: EventName): void {
    const tracked = delivery.then(
      () => undefined,
      (error: unknown) => {
        console.error(`Delivering ${event} failed:`, error);
      },
    );
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }
}
