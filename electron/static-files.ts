import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

// Shared by both shells (the web server and Electron's app:// protocol) so the renderer runs
// under the same policy wherever it is loaded, and the path checks are written once.

/**
 * The renderer's Content-Security-Policy. No remote origins, no eval, no inline script or style
 * markup. `wsOrigin` is the web bridge's own WebSocket origin; Electron passes none because it
 * talks over IPC. (Styles set from script through CSSOM, as React and Chart.js do, are allowed
 * by CSP: only <style> elements and style="" markup are blocked.)
 */
export function contentSecurityPolicy(wsOrigin?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // The CSV import parses large files in a module worker built into the bundle; no blob: or data: workers.
    "worker-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    wsOrigin ? `connect-src 'self' ${wsOrigin}` : "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Headers every response carries, data or not. */
export function securityHeaders(wsOrigin?: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(wsOrigin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL pathname (still percent-encoded, as URL.pathname gives it) to a file inside
 * `rootDir`, or null. Decoding happens once, here, and every segment is checked after decoding,
 * so `%2e%2e`, `%2f` and `%5c` tricks cannot climb out; dot-files are refused as well.
 */
export function safeRelativePath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.length === 0) return null;
  for (const segment of segments) {
    if (segment.startsWith('.') || segment.includes(':')) return null;
  }
  return segments.join('/');
}

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Reads a file from `rootDir` for a URL pathname. Returns null for anything that is not a
 * regular file inside the root, so callers answer 404 without telling why. No realpath(): in a
 * packaged app the root is inside app.asar, where only Electron's patched fs calls work, and
 * the build output holds no symlinks.
 */
export async function readStaticFile(rootDir: string, pathname: string): Promise<StaticFile | null> {
  const relative = safeRelativePath(pathname);
  if (relative === null) return null;
  try {
    const root = resolve(rootDir);
    const target = resolve(root, relative);
    if (!target.startsWith(root + sep)) return null;
    const info = await stat(target);
    if (!info.isFile()) return null;
    return { body: await readFile(target), contentType: contentTypeFor(target) };
  } catch {
    return null;
  }
}

export function indexPath(rootDir: string): string {
  return join(rootDir, 'index.html');
}
