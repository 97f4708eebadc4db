// The service worker (build/sw-template.js) and the page's side of its updates: a new version installs
// in the background and waits; the page then offers it (UpdateBanner) instead of a returning learner
// reading stale pages without knowing. Reload hands over to the new worker, then reloads once it controls
// the page.
import { useSyncExternalStore } from 'react';
import { runtimeMayStart } from '../hooks/runtimeStart';
import { orAfter } from '../../runtime/deadline';
import { whenIdle } from '../../runtime/idle';
import { runtimeWarming } from '../../runtime/warm';

let waiting: ServiceWorker | null = null;
const listeners = new Set<() => void>();

function offer(worker: ServiceWorker | null): void {
  // Without a controller this is the first install: nothing old is on screen, nothing to offer.
  if (!worker || !navigator.serviceWorker.controller || worker === waiting) return;
  waiting = worker;
  listeners.forEach((l) => l());
}

function whenInstalled(worker: ServiceWorker | null): void {
  if (!worker) return;
  if (worker.state === 'installed') return offer(worker);
  worker.addEventListener('statechange', () => {
    if (worker.state === 'installed') offer(worker);
  });
}

function watch(registration: ServiceWorkerRegistration | undefined): void {
  // A browser that blocks service workers (a policy, an automation setting) may resolve with nothing.
  if (!registration) return;
  offer(registration.waiting);
  // A reload starts the browser's own update check, which may be under way before register() resolves.
  whenInstalled(registration.installing);
  registration.addEventListener('updatefound', () => whenInstalled(registration.installing));
  // A tab left open for days looks again whenever the learner comes back to it.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') registration.update().catch(() => undefined);
  });
}

/** The longest the registration waits for the runtime's start. */
const WARM_WAIT_MS = 15_000;

/**
 * Registers the worker once the page has come in: its first install fetches the whole site (~4 MB)
 * for the precache. Registered at the load event, that install ran while the page was still laying
 * itself out, competing for the network, the CPU and the browser process (whose replies the page's
 * font lookups wait on): in a traced phone-sized load of chapter 6 it doubled the main thread's
 * blocking time. Now it waits for the moment the model runtime may start (the learner's first input,
 * or a few quiet seconds, runtimeStart.ts), for the runtime's own start where the page begins one
 * then (its 3.6 MB of wasm come first), and for an idle moment.
 */
export function registerServiceWorker(url: string): void {
  if (!('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register(url).then(watch, () => {
      // Not fatal: the site still works online.
    });
  };
  const idle = { timeout: 5000, fallbackMs: 1000 };
  // A runtime whose start stalls (a network that never answers) must not keep the site from working offline.
  const warmed = () => orAfter(Promise.resolve(runtimeWarming()), WARM_WAIT_MS, () => undefined);
  // The first idle moment comes after a chapter's own reaction to the same start (warmRuntimeWhenMayStart).
  void runtimeMayStart().then(() => whenIdle(() => void warmed().then(() => whenIdle(register, idle)), idle));
}

/** Whether a new version is installed and waiting for the learner's go-ahead. */
export function useUpdateReady(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => waiting !== null,
    () => false,
  );
}

/** Let the waiting version take over, then load the page from it. */
export function applyUpdate(): void {
  const worker = waiting;
  if (!worker) return;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) return;
    reloading = true;
    location.reload();
  });
  worker.postMessage('skip-waiting');
}
