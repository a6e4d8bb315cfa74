// Must stay first: it configures Zod before any schema module is evaluated.
import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { MissingToken } from './app/MissingToken';
import { bridgeUnavailable } from './bridge';
import { handleMenuAction, startSession } from './store/actions';
import { useAppStore } from './store/app-store';
import { applyTheme, followSystemTheme } from './store/theme';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/collection.css';
import './styles/screens.css';
import './styles/files.css';
import './styles/status.css';

// Theme first, before React renders, so the first paint is already in the right colours.
applyTheme(useAppStore.getState().theme, false);
followSystemTheme((theme) => {
  applyTheme(theme, false);
  useAppStore.setState({ theme });
});

// Connect to the host before React's first render: the socket handshake and the first state
// request then overlap rendering instead of waiting for it. The page lives as long as the session.
if (!bridgeUnavailable()) startSession(handleMenuAction);

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing #root');

createRoot(root).render(<StrictMode>{bridgeUnavailable() ? <MissingToken /> : <App />}</StrictMode>);
