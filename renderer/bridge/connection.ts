import type { Bridge, Method, MethodInput, MethodResults, SessionState } from '../../shared/contract';
import type { Packed } from '../../shared/domain/wire-pack';

/**
 * 'connecting' before the first contact, 'open' while calls can flow, 'lost' after a drop while
 * retrying. The Electron preload is always 'open': IPC cannot drop.
 */
export type ConnectionState = 'connecting' | 'open' | 'lost';

/** The contract's Bridge plus what the UI needs to say when the host is unreachable. */
export interface AppBridge extends Bridge {
  readonly kind: 'electron' | 'web';
  connection(): ConnectionState;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** `invoke` with an input packed elsewhere (an import's worker): web mode sends it as it is. */
  invokePacked<M extends Method>(method: M, input: Packed<MethodInput<M>>): Promise<MethodResults[M]>;
  /** Desktop only: opens a dropped file where it is. Web mode uploads a copy instead. */
  openDroppedFile?(file: File): Promise<SessionState>;
}
