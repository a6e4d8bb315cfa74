import type {
  EventName,
  Events,
  Method,
  MethodInput,
  MethodResults,
  PreloadApi,
  SessionState,
} from '../../shared/contract';
import { type Packed, unpack } from '../../shared/domain/wire-pack';
import { fromApiError } from './bridge-error';
import type { AppBridge } from './connection';

/** Wraps the preload's narrow object, turning each Reply into a value or a thrown BridgeError. */
export function createPreloadBridge(api: PreloadApi): AppBridge {
  return {
    kind: 'electron',
    async invoke<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodResults[M]> {
      const reply = await api.invoke(method, input);
      if (reply.ok) return reply.value as MethodResults[M];
      throw fromApiError(reply.error);
    },
    // IPC clones values, so a packed input is unpacked here and sent as a value.
    invokePacked<M extends Method>(method: M, input: Packed<MethodInput<M>>): Promise<MethodResults[M]> {
      return this.invoke(method, unpack(JSON.parse(input)) as MethodInput<M>);
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      return api.on(event, (payload) => listener(payload as Events[E]));
    },
    connection: () => 'open',
    onConnection: () => () => {},
    async openDroppedFile(file: File): Promise<SessionState> {
      const reply = await api.openDroppedFile(file);
      if (reply.ok) return reply.value as SessionState;
      throw fromApiError(reply.error);
    },
  };
}
