import type { MouseEvent } from 'react';
import { getBridge, toBridgeError } from '../../bridge';
import { pushToast } from '../../store/app-store';
import './projector.css';

// Opens the board for the room. The desktop shell has a projector window of its own (full screen
// on a second display), so there the link's click asks the host for it. A browser cannot be
// told to open a window by the page (the CSP and the shells deny window.open), so in web mode
// it is a plain link to the same page's #/projector in a new tab: the URL keeps its token, and
// the person drags that tab to the projector.

export function OpenProjectorButton() {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (getBridge().kind !== 'electron') return; // the link itself opens the board
    e.preventDefault();
    getBridge()
      .invoke('projector:open-window', undefined)
      .then(({ opened }) => {
        if (!opened)
          pushToast('error', 'This window cannot open a projector window; open #/projector in a new window.');
      })
      .catch((err: unknown) => pushToast('error', toBridgeError(err).message));
  };
  return (
    // biome-ignore lint/a11y/useValidAnchor: a real link in web mode; the desktop shell intercepts it
    <a
      className="btn pj-open"
      href="#/projector"
      target="_blank"
      rel="noopener"
      onClick={onClick}
      data-testid="open-projector"
      title="Open the go/no-go board for a projector, in its own window"
    >
      Projector
    </a>
  );
}
