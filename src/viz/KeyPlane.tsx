// A 2-D plane of key vectors (and a query) the learner drags, or moves with the arrow keys.
// It only reports new coordinates; the chapter decides what they mean.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { scaleLinear } from 'd3-scale';
import { formatNumber } from './format';
import { placeLabels } from './labelPlacement';
import { symbolColor } from './theme';
import './viz.css';

export interface PlanePoint {
  id: string;
  /** Accessible and visible name, e.g. "k1". */
  label: string;
  x: number;
  y: number;
  symbol: 'k' | 'q';
}

export interface KeyPlaneProps {
  points: readonly PlanePoint[];
  onMove: (id: string, x: number, y: number) => void;
  /** Accessible name of the plane. */
  label: string;
  /** Half-width of the square shown, in key units. */
  extent?: number;
  size?: number;
  testId?: string;
}

const STEP = 0.1;

function clampRound(v: number, extent: number): number {
  return Math.round(Math.max(-extent, Math.min(extent, v)) * 100) / 100;
}

export function KeyPlane({ points, onMove, label, extent = 1.5, size = 260, testId = 'key-plane' }: KeyPlaneProps) {
  const svg = useRef<SVGSVGElement>(null);
  const dragging = useRef<string | null>(null);
  const pad = 14;
  const x = scaleLinear().domain([-extent, extent]).range([pad, size - pad]);
  const y = scaleLinear().domain([-extent, extent]).range([size - pad, pad]);

  const labels = placeLabels(points.map((p) => ({ px: x(p.x), py: y(p.y), text: p.label, below: p.symbol === 'q' })));

  const toData = (e: PointerEvent<SVGElement>) => {
    const box = svg.current?.getBoundingClientRect();
    if (!box) return null;
    const px = ((e.clientX - box.left) / box.width) * size;
    const py = ((e.clientY - box.top) / box.height) * size;
    return { x: clampRound(x.invert(px), extent), y: clampRound(y.invert(py), extent) };
  };
  const onKey = (p: PlanePoint) => (e: KeyboardEvent<SVGGElement>) => {
    const step = e.shiftKey ? STEP / 10 : STEP;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    e.stopPropagation(); // arrows move the point here, not the time cursor
    onMove(p.id, clampRound(p.x + m[0], extent), clampRound(p.y + m[1], extent));
  };

  return (
    <svg
      ref={svg}
      className="key-plane"
      viewBox={`0 0 ${size} ${size}`}
      width={size}
      height={size}
      role="group"
      aria-label={label}
      data-testid={testId}
      onPointerMove={(e) => {
        if (!dragging.current) return;
        const d = toData(e);
        if (d) onMove(dragging.current, d.x, d.y);
      }}
      onPointerUp={() => (dragging.current = null)}
      onPointerLeave={() => (dragging.current = null)}
    >
      <defs>
        {(['k', 'q'] as const).map((s) => (
          <marker key={s} id={`arrow-${s}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill={symbolColor[s]} />
          </marker>
        ))}
      </defs>
      <rect x={pad} y={pad} width={size - 2 * pad} height={size - 2 * pad} className="key-plane-bg" />
      <line x1={x(-extent)} x2={x(extent)} y1={y(0)} y2={y(0)} className="key-plane-axis" />
      <line x1={x(0)} x2={x(0)} y1={y(-extent)} y2={y(extent)} className="key-plane-axis" />
      <circle cx={x(0)} cy={y(0)} r={x(1) - x(0)} className="key-plane-unit" />
      {points.map((p, i) => (
        <g
          key={p.id}
          tabIndex={0}
          role="button"
          aria-label={`${p.label} = (${formatNumber(p.x, 2)}, ${formatNumber(p.y, 2)})`}
          aria-roledescription="draggable point"
          className="key-plane-point"
          data-point={p.id}
          data-x={p.x}
          data-y={p.y}
          onKeyDown={onKey(p)}
          onPointerDown={(e) => {
            dragging.current = p.id;
            (e.currentTarget.ownerSVGElement ?? e.currentTarget).setPointerCapture?.(e.pointerId);
          }}
        >
          <line x1={x(0)} y1={y(0)} x2={x(p.x)} y2={y(p.y)} stroke={symbolColor[p.symbol]} strokeWidth={p.symbol === 'q' ? 2.5 : 2} strokeDasharray={p.symbol === 'q' ? '5 3' : undefined} markerEnd={`url(#arrow-${p.symbol})`} />
          <circle cx={x(p.x)} cy={y(p.y)} r={9} fill={symbolColor[p.symbol]} fillOpacity={0.18} stroke={symbolColor[p.symbol]} />
          <text x={labels[i].x} y={labels[i].y} fill={symbolColor[p.symbol]} className="key-plane-label" data-label-for={p.id}>
            {p.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
