import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuAction, RecentFile } from '../shared/contract';

// The native menu. Most items only tell the renderer what was chosen ('app:menu-action'):
// the renderer owns the flows (name prompt, unsaved-change checks) and handles the same
// keyboard shortcuts itself, so web mode and Electron share one mechanism. That is why
// Undo/Redo are custom items with registerAccelerator: false instead of the native roles,
// which would undo text in a field rather than the workbook change.

export interface MenuHandlers {
  /** Deliver a menu choice to the focused window. */
  send(action: MenuAction): void;
  /** Opens a recent workbook by the id the host gave it. */
  openRecent(fileId: string): void;
  showAbout(): void;
}

export interface MenuState {
  recent: RecentFile[];
  isDev: boolean;
}

export function buildMenu(state: MenuState, handlers: MenuHandlers): Menu {
  const isMac = process.platform === 'darwin';
  const action = (label: string, what: MenuAction, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: () => handlers.send(what),
  });

  const recentItems: MenuItemConstructorOptions[] =
    state.recent.length === 0
      ? [{ label: 'No recent workbooks', enabled: false }]
      : state.recent.slice(0, 10).map((file) => ({
          label: file.name,
          sublabel: file.path,
          toolTip: file.path,
          click: () => handlers.openRecent(file.id),
        }));

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        action('&New Workbook…', 'new', 'CmdOrCtrl+N'),
        action('&Open…', 'open', 'CmdOrCtrl+O'),
        { label: 'Open &Recent', submenu: recentItems },
        { type: 'separator' },
        action('Save &As…', 'save-as', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        action('&Undo', 'undo', 'CmdOrCtrl+Z'),
        action('&Redo', 'redo', isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        action('&History', 'history', 'CmdOrCtrl+Shift+H'),
        action('Toggle &Theme', 'toggle-theme', 'CmdOrCtrl+Shift+L'),
        { type: 'separator' },
        ...(state.isDev
          ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]
          : []),
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [{ label: `&About ${app.getName()}`, click: () => handlers.showAbout() }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
