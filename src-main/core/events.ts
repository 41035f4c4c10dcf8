/**
 * The in-process event channel between core services and the transports. It carries names and
 * payloads without knowing them; the API layer gives it the contract's types (see
 * `src-main/api/events.ts`), so a service publishes exactly what the contract declares.
 */
export type EventListener = (name: string, payload: unknown) => void;

export class EventHub {
  readonly #listeners = new Set<EventListener>();

  publish(name: string, payload: unknown): void {
    for (const listener of this.#listeners) {
      try {
        listener(name, payload);
      } catch {
        // A failing listener (a closed socket, a destroyed window) must not stop delivery to the rest.
      }
    }
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
