// A computation graph over the steps of a sequence (inputs x, states H, outputs y), with what one
// output needs highlighted and each needed node's wave written on it. It draws the graph and the
// answer it is given (src/core/dependency.ts computes both); it never works out dependencies itself.
import { useId, type KeyboardEvent, type ReactNode } from 'react';
import './DependencyDiagram.css';

export interface DiagramGraph {
  nodes: string[];
  edges: { from: string; to: string }[];
}

export interface DiagramNeeded {
  nodes: string[];
  edges: { from: string; to: string }[];
  wave: Record<string, number>;
}

export interface DependencyDiagramProps {
  graph: DiagramGraph;
  /** What the chosen output needs; null: nothing chosen. */
  needed: DiagramNeeded | null;
  /** Visible text inside a node (a token for x, "H₃", "y₃"). */
  nodeText: (kind: NodeKind, s: number) => string;
  /** Accessible name of a node. */
  nodeName: (kind: NodeKind, s: number) => string;
  /** Text under each output (e.g. the next token it is trained to predict). */
  targets?: readonly string[];
  /** Choosing an output y_s (click, Enter or Space). */
  onSelect?: (s: number) => void;
  /** "wave {n}" for the badge's accessible name. */
  waveName: (n: number) => string;
  /** Accessible name of the diagram. */
  title: string;
  /** Visible caption (e.g. the form's formula); defaults to the title. */
  caption?: ReactNode;
  testId?: string;
}

export type NodeKind = 'x' | 'h' | 'y';

const DX = 58;
const LEFT = 36;
const R = 17;
const ROW: Record<NodeKind, number> = { y: 46, h: 128, x: 206 };

const parse = (id: string): { kind: NodeKind; s: number } => ({ kind: id[0] as NodeKind, s: Number(id.slice(1)) });
const short = (text: string, n = 7): string => (Array.from(text).length > n ? `${Array.from(text).slice(0, n - 1).join('')}…` : text);

export function DependencyDiagram({ graph, needed, nodeText, nodeName, targets, onSelect, waveName, title, caption, testId }: DependencyDiagramProps) {
  const markerId = `dep-arrow-${useId().replace(/:/g, '')}`;
  const markerOnId = `${markerId}-on`;
  const T = graph.nodes.filter((n) => n.startsWith('x')).length;
  const hasStates = graph.nodes.some((n) => n.startsWith('h'));
  const width = LEFT * 2 + (T - 1) * DX;
  const height = 252;
  const cx = (s: number) => LEFT + s * DX;
  const neededNodes = new Set(needed?.nodes ?? []);
  const neededEdges = new Set((needed?.edges ?? []).map((e) => `${e.from}>${e.to}`));
  const edgePath = (from: string, to: string): string => {
    const a = parse(from);
    const b = parse(to);
    if (a.kind === 'h' && b.kind === 'h') return `M${cx(a.s) + R},${ROW.h} L${cx(b.s) - R - 2},${ROW.h}`;
    if (a.s === b.s) return `M${cx(a.s)},${ROW[a.kind] - (a.kind === 'x' ? 13 : R)} L${cx(b.s)},${ROW[b.kind] + R + 2}`;
    // x_s → y_t across steps (linear attention): a curve that leans right, so arrows into one y fan in.
    const x0 = cx(a.s);
    const y0 = ROW.x - 13;
    const x1 = cx(b.s) - 6;
    const y1 = ROW.y + R + 2;
    return `M${x0},${y0} C${x0},${(y0 + y1) / 2} ${x1},${(y0 + y1) / 2 + 30} ${x1},${y1}`;
  };
  const onKey = (s: number) => (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect?.(s);
    }
  };
  // Faint edges first, needed ones on top.
  const edges = [...graph.edges].sort((p, q) => Number(neededEdges.has(`${p.from}>${p.to}`)) - Number(neededEdges.has(`${q.from}>${q.to}`)));
  return (
    <figure className="dep" data-testid={testId}>
      <figcaption className="dep-title">{caption ?? title}</figcaption>
      {/* Never below its natural size (its labels would shrink under 11 px): a narrow screen scrolls it. */}
      <div className="scroll-frame">
      <svg viewBox={`0 0 ${width} ${height}`} className="dep-svg" role="group" aria-label={title} style={{ maxWidth: `${width * 1.15}px`, minWidth: `${width}px` }}>
        <defs>
          <marker id={markerId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="dep-arrow" />
          </marker>
          <marker id={markerOnId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="dep-arrow on" />
          </marker>
        </defs>
        <g aria-hidden="true">
          {edges.map((e) => {
            const on = neededEdges.has(`${e.from}>${e.to}`);
            return (
              <path
                key={`${e.from}>${e.to}`}
                d={edgePath(e.from, e.to)}
                className={on ? 'dep-edge on' : 'dep-edge'}
                markerEnd={`url(#${on ? markerOnId : markerId})`}
                data-edge={`${e.from}>${e.to}`}
                data-needed={on}
              />
            );
          })}
        </g>
        {graph.nodes.map((id) => {
          const { kind, s } = parse(id);
          if (kind === 'h' && !hasStates) return null;
          const on = neededNodes.has(id);
          const wave = needed?.wave[id];
          const x = cx(s);
          const y = ROW[kind];
          const selectable = kind === 'y' && onSelect;
          const name = `${nodeName(kind, s)}${wave !== undefined && kind !== 'x' ? `, ${waveName(wave)}` : ''}`;
          return (
            <g
              key={id}
              className={`dep-node dep-${kind}${on ? ' on' : ''}${selectable ? ' selectable' : ''}`}
              data-node={id}
              data-needed={on}
              data-wave={wave ?? ''}
              role={selectable ? 'button' : 'img'}
              tabIndex={selectable ? 0 : undefined}
              aria-label={name}
              aria-pressed={selectable ? on : undefined}
              onClick={selectable ? () => onSelect(s) : undefined}
              onKeyDown={selectable ? onKey(s) : undefined}
            >
              <title>{name}</title>
              {kind === 'x' ? <rect x={x - 24} y={y - 13} width={48} height={26} rx={6} /> : <circle cx={x} cy={y} r={R} />}
              <text x={x} y={y + 4} textAnchor="middle">
                {short(nodeText(kind, s))}
              </text>
              {on && wave !== undefined && kind !== 'x' && (
                <g className="dep-wave" aria-hidden="true">
                  <circle cx={x + R - 1} cy={y - R + 1} r={8} />
                  <text x={x + R - 1} y={y - R + 4.5} textAnchor="middle">
                    {wave}
                  </text>
                </g>
              )}
              {kind === 'y' && targets?.[s] && (
                <text className="dep-target" x={x} y={y - R - 12} textAnchor="middle" aria-hidden="true">
                  {short(targets[s], 8)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      </div>
    </figure>
  );
}
