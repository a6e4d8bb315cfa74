import type { PreloadApi } from '../../shared/contract';
import type { AppBridge } from './connection';
import { createPreloadBridge } from './preload-bridge';
import { createWebBridge } from './web-bridge';

export { BridgeError, toBridgeError } from './bridge-error';
export type { AppBridge, ConnectionState } from './connection';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in web mode. */
    warroom?: PreloadApi;
  }
}

/** The web shell prints a link carrying a one-time token; without it the host refuses us. */
export function webToken(): string | null {
  const token = new URLSearchParams(window.location.search).get('token');
  return token && token.length > 0 ? token : null;
}

/** True when neither shell can be reached: web mode opened without its token. */
export function bridgeUnavailable(): boolean {
  return !window.warroom && webToken() === null;
}

let bridge: AppBridge | null = null;

/** One bridge per window: Electron's preload if present, else the web shell's WebSocket. */
export function getBridge(): AppBridge {
  if (bridge) return bridge;
  if (window.warroom) {
    bridge = createPreloadBridge(window.warroom);
  } else {
    const token = webToken();
    if (!token) throw new Error('Web mode needs the token from the link the terminal printed.');
    const url = `ws://${window.location.host}/bridge?token=${encodeURIComponent(token)}`;
    bridge = createWebBridge(url);
  }
  return bridge;
}
