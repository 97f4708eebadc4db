import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles/tokens.css';
import './styles.css';
import { App } from './app/App';
import { registerServiceWorker } from './app/shell/updates';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);

// Offline: the built site registers a service worker that caches itself and the model runtime.
// A relative URL: the worker's scope is the folder the site is served from, whatever its sub-path.
if (import.meta.env.PROD) registerServiceWorker('./sw.js');
