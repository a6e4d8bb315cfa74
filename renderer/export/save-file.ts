// Saving a file the app made, without ever naming a path: the window hands the bytes over as a
// download of a Blob. A browser saves it as it saves any download; the desktop app asks where
// with its native save dialog (electron/downloads.ts). Used by every export and by decision files.

export function saveFile(fileName: string, content: string | Uint8Array<ArrayBuffer>, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; keep the URL a little while for slow dialogs.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
