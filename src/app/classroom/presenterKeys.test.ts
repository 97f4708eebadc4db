// Presenter mode's keys: what a clicker and a keyboard do, and what they must leave alone.
import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '../chapters/registry';
import { adjacentRoute, presenterAction, type KeyPress, type KeyTarget } from './presenterKeys';
import { TWO_VIEWS, nextView } from './context';

const press = (key: string, target: KeyTarget = 'page', extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  repeat: false,
  defaultPrevented: false,
  target,
  ...extra,
});

describe('presenter keys', () => {
  it('P enters and leaves from anywhere but a field; Esc leaves', () => {
    expect(presenterAction(press('p'), false)).toEqual({ type: 'toggle' });
    expect(presenterAction(press('P', 'button'), true)).toEqual({ type: 'toggle' });
    expect(presenterAction(press('Escape'), true)).toEqual({ type: 'leave' });
    expect(presenterAction(press('Escape'), false)).toBeNull();
  });
  it('a clicker changes chapters and steps the figure while presenting', () => {
    expect(presenterAction(press('PageDown'), true)).toEqual({ type: 'chapter', delta: 1 });
    expect(presenterAction(press('PageUp'), true)).toEqual({ type: 'chapter', delta: -1 });
    for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End']) {
      expect(presenterAction(press(key), true)).toEqual({ type: 'figure' });
      expect(presenterAction(press(key, 'button'), true)).toEqual({ type: 'figure' });
    }
    expect(presenterAction(press(' '), true)).toEqual({ type: 'figure' });
  });
  it('V switches the figure view while presenting, and only then', () => {
    expect(presenterAction(press('v'), true)).toEqual({ type: 'view' });
    expect(presenterAction(press('V', 'button'), true)).toEqual({ type: 'view' });
    expect(presenterAction(press('v'), false)).toBeNull();
    expect(presenterAction(press('v', 'owns-keys'), true)).toBeNull();
    expect(presenterAction(press('v', 'page', { repeat: true }), true)).toBeNull();
  });
  it('leaves normal keyboard use alone', () => {
    // Outside presenter mode, nothing but P is taken.
    for (const key of ['PageDown', 'PageUp', 'ArrowRight', ' ', 'Escape']) expect(presenterAction(press(key), false)).toBeNull();
    // Fields, menus and sliders keep every key, P included.
    for (const key of ['p', 'P', 'PageDown', 'PageUp', 'ArrowRight', ' ', 'Escape']) expect(presenterAction(press(key, 'owns-keys'), true)).toBeNull();
    // Space still presses a focused button.
    expect(presenterAction(press(' ', 'button'), true)).toBeNull();
    // Shortcuts with modifiers (Ctrl+P prints), held keys and handled keys are not ours.
    expect(presenterAction(press('p', 'page', { ctrlKey: true }), false)).toBeNull();
    expect(presenterAction(press('p', 'page', { metaKey: true }), false)).toBeNull();
    expect(presenterAction(press('PageDown', 'page', { altKey: true }), true)).toBeNull();
    expect(presenterAction(press('p', 'page', { repeat: true }), false)).toBeNull();
    expect(presenterAction(press('ArrowRight', 'page', { defaultPrevented: true }), true)).toBeNull();
    expect(presenterAction(press('a'), true)).toBeNull();
  });
});

describe('chapter order for PageDown / PageUp', () => {
  const live = CHAPTERS.filter((c) => c.load);
  it('walks the live chapters in reading order, from home to the last', () => {
    expect(adjacentRoute({ page: 'home' }, 1)).toEqual({ page: 'chapter', slug: live[0].slug });
    expect(adjacentRoute({ page: 'home' }, -1)).toBeNull();
    expect(adjacentRoute({ page: 'chapter', slug: live[0].slug }, -1)).toEqual({ page: 'home' });
    for (let i = 0; i + 1 < live.length; i++) {
      expect(adjacentRoute({ page: 'chapter', slug: live[i].slug }, 1)).toEqual({ page: 'chapter', slug: live[i + 1].slug });
      expect(adjacentRoute({ page: 'chapter', slug: live[i + 1].slug }, -1)).toEqual({ page: 'chapter', slug: live[i].slug });
    }
    expect(adjacentRoute({ page: 'chapter', slug: live[live.length - 1].slug }, 1)).toBeNull();
  });
  it('starts the course from any other page', () => {
    expect(adjacentRoute({ page: 'lab' }, 1)).toEqual({ page: 'chapter', slug: live[0].slug });
    expect(adjacentRoute({ page: 'not-found', path: '/x' }, -1)).toEqual({ page: 'home' });
    expect(adjacentRoute({ page: 'chapter', slug: 'nowhere' }, -1)).toEqual({ page: 'home' });
  });
});

describe('key V', () => {
  it('steps through the views the figure offers and comes round to the first', () => {
    const three = ['parallel', 'recurrent', 'chunkwise'] as const;
    expect(nextView(three, 'parallel')).toBe('recurrent');
    expect(nextView(three, 'recurrent')).toBe('chunkwise');
    expect(nextView(three, 'chunkwise')).toBe('parallel');
    expect(nextView(TWO_VIEWS, 'recurrent')).toBe('parallel');
    // A view this figure lacks (the playground's chunkwise, on a chapter) goes to the first.
    expect(nextView(TWO_VIEWS, 'chunkwise')).toBe('parallel');
  });
});
