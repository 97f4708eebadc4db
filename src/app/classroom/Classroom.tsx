// The classroom around every page: the link's state (UrlStateProvider), what a lecturer hid
// (?hide=…) and presenter mode (?present=1, the key P, the header button): large type, high
// contrast, full screen where the browser allows it, and a clicker's keys (PageDown / PageUp for
// chapters, arrows and Space for the figure, V for the figure's other view, Esc to leave).
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { parseRoute, routeHref, type Route } from '../routes';
import { UrlStateProvider, useUrlParam } from '../state/UrlState';
import { flag, listOf } from '../state/schema';
import { useComputeLink } from '../state/computeLink';
import { ClassroomContext, HIDEABLE, TWO_VIEWS, nextView, type ClassroomState, type PresenterView } from './context';
import { offerStepKey } from '../steps/context';
import { adjacentRoute, ownsKeys, presenterAction, type KeyTarget } from './presenterKeys';
import { SETTLING_ATTRIBUTE, isPageSettling } from '../shell/pageSettle';
import './classroom.css';

/** The figure regions of the page (FigureRegion in src/viz): where a clicker's arrows go. */
const FIGURE = '.figure-region';

function keyTarget(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return 'page';
  if (ownsKeys(target)) return 'owns-keys';
  if (target.matches('button, a[href], summary')) return 'button';
  return 'page';
}

/** Full screen where allowed; a refusal (no gesture, an iframe, a policy) simply leaves it windowed. */
function requestFullScreen(onEntered: () => void): void {
  const root = document.documentElement;
  if (!document.fullscreenEnabled || document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
  try {
    root.requestFullscreen().then(onEntered, () => undefined);
  } catch {
    // Older engines throw instead of rejecting.
  }
}

function exitFullScreen(): void {
  if (!document.fullscreenElement || typeof document.exitFullscreen !== 'function') return;
  document.exitFullscreen().catch(() => undefined);
}

/**
 * Move focus to the page's figure (once it has loaded and the page is painted: a page still settling is
 * hidden and cannot take the focus) so a clicker's arrow keys drive it.
 */
function focusFigureWhenReady(): () => void {
  const tryFocus = () => {
    const region = document.querySelector<HTMLElement>(`main ${FIGURE}`);
    if (!region || isPageSettling()) return false;
    const active = document.activeElement;
    const idle = !active || active === document.body || active.matches('main, [data-presenter-toggle]') || !active.isConnected;
    if (idle) {
      region.focus({ preventScroll: true });
      region.scrollIntoView({ block: 'start' });
    }
    return true;
  };
  if (tryFocus()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (tryFocus()) observer.disconnect();
  });
  observer.observe(document.getElementById('main') ?? document.body, { childList: true, subtree: true });
  // The page stops settling by losing an attribute on <html>, which may be the last change it makes.
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', SETTLING_ATTRIBUTE] });
  const giveUp = setTimeout(() => observer.disconnect(), 30_000);
  return () => {
    observer.disconnect();
    clearTimeout(giveUp);
  };
}

function ClassroomBody({ route, children }: { route: Route; children: ReactNode }) {
  const [hide] = useUrlParam('hide', listOf(HIDEABLE), []);
  const [presenting, setPresentFlag] = useUrlParam('present', flag(), false);
  useComputeLink();
  const ownsFullScreen = useRef(false);
  const [presenterView, setPresenterView] = useState<PresenterView>('parallel');
  const offered = useRef<readonly PresenterView[]>(TWO_VIEWS);
  const offerViews = useCallback((views: readonly PresenterView[]) => {
    offered.current = views;
    setPresenterView((v) => (views.includes(v) ? v : views[0]));
  }, []);

  const setPresenting = useCallback(
    (on: boolean, { fullScreen = false }: { fullScreen?: boolean } = {}) => {
      setPresentFlag(on);
      if (on && fullScreen) requestFullScreen(() => (ownsFullScreen.current = true));
      if (!on && ownsFullScreen.current) {
        ownsFullScreen.current = false;
        exitFullScreen();
      }
    },
    [setPresentFlag],
  );

  useEffect(() => {
    document.documentElement.classList.toggle('presenting', presenting);
    document.documentElement.toggleAttribute('data-presenting', presenting);
  }, [presenting]);

  // The browser's own Esc (or F11) ends full screen without a key event reaching the page.
  useEffect(() => {
    const onChange = () => {
      if (document.fullscreenElement || !ownsFullScreen.current) return;
      ownsFullScreen.current = false;
      setPresentFlag(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [setPresentFlag]);

  const routeKey = routeHref(route);
  useEffect(() => (presenting ? focusFigureWhenReady() : undefined), [presenting, routeKey]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = presenterAction(
        {
          key: event.key,
          altKey: event.altKey,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          repeat: event.repeat,
          defaultPrevented: event.defaultPrevented,
          target: keyTarget(event.target),
        },
        presenting,
      );
      if (!action) return;
      switch (action.type) {
        case 'toggle':
          event.preventDefault();
          return setPresenting(!presenting, { fullScreen: true });
        case 'leave':
          return setPresenting(false);
        case 'chapter': {
          // From the address as it is now: a second press can come before this page has rendered
          // the first one's chapter (a busy phone, a fast clicker), and must not count from the old one.
          const next = adjacentRoute(parseRoute(location.hash), action.delta);
          event.preventDefault(); // no page scroll either way
          if (offerStepKey(action.delta)) return; // a chapter's steps take the clicker first
          if (next) location.hash = routeHref(next);
          return;
        }
        case 'view':
          event.preventDefault();
          return setPresenterView((v) => nextView(offered.current, v));
        case 'figure': {
          const target = event.target instanceof HTMLElement ? event.target : null;
          const region = target?.closest<HTMLElement>(FIGURE) ?? document.querySelector<HTMLElement>(`main ${FIGURE}`);
          if (!region) return;
          event.preventDefault();
          region.focus({ preventScroll: true });
          // The region's own handler (useCursorKeys) does the stepping, exactly as if it had focus.
          region.dispatchEvent(new KeyboardEvent('keydown', { key: event.key, bubbles: true, cancelable: true }));
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting, route, setPresenting]);

  const value = useMemo<ClassroomState>(
    () => ({ hidden: { controls: hide.includes('controls'), answer: hide.includes('answer') }, presenting, setPresenting, presenterView, setPresenterView, offerViews }),
    [hide, presenting, setPresenting, presenterView, offerViews],
  );
  return <ClassroomContext.Provider value={value}>{children}</ClassroomContext.Provider>;
}

export interface ClassroomProps {
  route: Route;
  children: ReactNode;
}

export function Classroom({ route, children }: ClassroomProps) {
  return (
    <UrlStateProvider route={routeHref(route)}>
      <ClassroomBody route={route}>{children}</ClassroomBody>
    </UrlStateProvider>
  );
}
