// Where each point's label goes on the key plane: beside its point, and never on top of another
// label (two keys dragged to the same spot would otherwise print k₁ and k₂ over each other).

export interface LabelBox {
  /** Text anchor (start) and baseline, in the plane's pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A label's box from its anchor: the text rises about its height above the baseline. */
export function boxAt(x: number, y: number, width: number, height: number) {
  return { left: x, top: y - height + 3, right: x + width, bottom: y + 3 };
}

type Box = ReturnType<typeof boxAt>;
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Approximate label size at the plane's 13 px label font (wide enough for subscripts and bold). */
export function labelSize(text: string): { width: number; height: number } {
  return { width: 9 * [...text].length + 2, height: 14 };
}

/**
 * Labels for points at pixel positions, in order: each takes the first free spot around its point
 * (the preferred side first, then the others, then further out), so no two labels overlap.
 */
export function placeLabels(points: readonly { px: number; py: number; text: string; below?: boolean }[], gap = 11): LabelBox[] {
  const placed: Box[] = [];
  return points.map(({ px, py, text, below }) => {
    const { width, height } = labelSize(text);
    const above = -8;
    const under = height + 6;
    const sides: [number, number][] = [
      [gap, below ? under : above],
      [gap, below ? above : under],
      [-gap - width, below ? under : above],
      [-gap - width, below ? above : under],
    ];
    const candidates = [...sides];
    for (let ring = 1; ring <= 8; ring++) for (const [dx, dy] of sides) candidates.push([dx, dy + Math.sign(dy) * ring * (height + 2)]);
    const spot = candidates.find(([dx, dy]) => !placed.some((b) => overlaps(b, boxAt(px + dx, py + dy, width, height)))) ?? sides[0];
    placed.push(boxAt(px + spot[0], py + spot[1], width, height));
    return { x: px + spot[0], y: py + spot[1], width, height };
  });
}
