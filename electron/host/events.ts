import type { EventName, Events } from '../../shared/contract';

type Listener<E extends EventName> = (payload: Events[E]) => void;

/** Push events to every window. A failing listener (a window mid-close) must not stop the rest. */
export class Emitter {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();

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
        listener(payload);
      } catch (error) {
        console.error(`A listener for ${event} failed:`, error);
      }
    }
  }
}
