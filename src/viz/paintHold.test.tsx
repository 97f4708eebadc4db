// A piece waits for its turn only while a page's lower stage is still coming in (usePaintTurn).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PaintTurnContext, usePaintTurn, type PaintTurns } from './paintHold';

function Piece() {
  return <i>{usePaintTurn(true) ? 'drawn' : 'waiting'}</i>;
}
const turns = (waiting: boolean): PaintTurns => ({ waiting: () => waiting, take: () => () => undefined });

describe('usePaintTurn', () => {
  it('draws at once outside a gate', () => {
    expect(renderToStaticMarkup(<Piece />)).toBe('<i>drawn</i>');
  });
  it('waits for its turn while the lower stage is unpainted', () => {
    expect(renderToStaticMarkup(<PaintTurnContext.Provider value={turns(true)}><Piece /></PaintTurnContext.Provider>)).toBe('<i>waiting</i>');
  });
  it('draws at once once the stage shows', () => {
    expect(renderToStaticMarkup(<PaintTurnContext.Provider value={turns(false)}><Piece /></PaintTurnContext.Provider>)).toBe('<i>drawn</i>');
  });
});
