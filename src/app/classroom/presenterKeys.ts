// Presenter mode's keys as a pure rule, so they are tested without a browser. A clicker sends
// PageDown / PageUp (next / previous chapter) and arrows (step the figure); V switches the figure
// between its parallel and recurrent view; P enters, Esc leaves.
// Keys typed into a field, a menu or a slider are never taken.
import { CHAPTERS } from '../chapters/registry';
import type { Route } from '../routes';

/** Where a key was pressed, as far as presenter mode cares. */
export type KeyTarget =
  /** A text box, menu, slider, radio button…: it uses the keys itself. */
  | 'owns-keys'
  /** A button or a link: it uses Enter and Space, not arrows. */
  | 'button'
  /** Anything else (the page, the prose, a focused figure region). */
  | 'page';

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  repeat: boolean;
  defaultPrevented: boolean;
  target: KeyTarget;
}

export type PresenterAction =
  | { type: 'toggle' }
  | { type: 'leave' }
  | { type: 'chapter'; delta: 1 | -1 }
  /** Switch the figure between its parallel and recurrent view (one fits the screen at a time). */
  | { type: 'view' }
  /** Hand the key to the page's figure region (focus it first). */
  | { type: 'figure' };

const CURSOR_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End']);

export function presenterAction(press: KeyPress, presenting: boolean): PresenterAction | null {
  if (press.altKey || press.ctrlKey || press.metaKey || press.defaultPrevented) return null;
  if (press.target === 'owns-keys') return null;
  if (press.key === 'p' || press.key === 'P') return press.repeat ? null : { type: 'toggle' };
  if (!presenting) return null;
  switch (press.key) {
    case 'Escape':
      return { type: 'leave' };
    case 'PageDown':
      return { type: 'chapter', delta: 1 };
    case 'PageUp':
      return { type: 'chapter', delta: -1 };
    case 'v':
    case 'V':
      return press.repeat ? null : { type: 'view' };
    case ' ':
      return press.target === 'page' ? { type: 'figure' } : null; // Space presses a focused button
    default:
      return CURSOR_KEYS.has(press.key) ? { type: 'figure' } : null;
  }
}

/**
 * The page a clicker's PageDown / PageUp leads to: the live chapters in reading order, with the home
 * page before the first; null at the end.
 */
export function adjacentRoute(route: Route, delta: 1 | -1): Route | null {
  const live = CHAPTERS.filter((c) => c.load);
  if (route.page === 'chapter') {
    const i = live.findIndex((c) => c.slug === route.slug);
    if (i < 0) return delta > 0 ? null : { page: 'home' };
    const j = i + delta;
    if (j < 0) return { page: 'home' };
    return j < live.length ? { page: 'chapter', slug: live[j].slug } : null;
  }
  if (route.page === 'home') return delta > 0 && live.length > 0 ? { page: 'chapter', slug: live[0].slug } : null;
  // Any other page (the lab, a missing page): forward starts the course, back goes home.
  return delta > 0 && live.length > 0 ? { page: 'chapter', slug: live[0].slug } : { page: 'home' };
}

/** A field, a menu or a slider: the keys typed into it are its own, not the page's or the clicker's. */
export function ownsKeys(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.matches('input, select, textarea, [role="slider"], [role="radio"], [role="listbox"], [role="combobox"], [role="spinbutton"]'))
  );
}
