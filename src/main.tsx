import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles/tokens.css';
import './styles.css';
import { App } from './app/App';
import { runtimeMayStart } from './app/hooks/runtimeStart';
import { registerServiceWorker } from './app/shell/updates';
import { fetchTop } from './app/shell/fetchTop';
import { loadLang } from './app/i18n';
import { snapshotRootTokens } from './viz/rootTokens';

fetchTop(location.hash, loadLang());
snapshotRootTokens();

const root = document.getElementById('root');
if (root) {
  const reactRoot = createRoot(root);
  // As a transition, React renders the first page in slices of a few milliseconds and lets the browser
  // in between, not in one task (on Lighthouse's phone, a chapter's first render was one task of
  // 150–300 ms, most of it counted as blocking time). Measured in alternating runs of both builds on all
  // 14 pages: mobile score up on 9, +0.02 on average (docs/page-loading.md).
  startTransition(() => reactRoot.render(<StrictMode><App /></StrictMode>));
}

// Listen for the learner's first input from the start: a figure asks for the runtime only once it has
// mounted (after the page's top is painted), and a key, tap or scroll before that would otherwise be missed
// (the bench's "a key at first paint" then waited out the 3 s idle start).
void runtimeMayStart();

// Offline: the built site registers a service worker that caches itself and the model runtime.
// A relative URL: the worker's scope is the folder the site is served from, whatever its sub-path.
if (import.meta.env.PROD) registerServiceWorker('./sw.js');
