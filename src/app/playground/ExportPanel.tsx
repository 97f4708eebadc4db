// Take the playground's results away: the trace as the `trace` command's JSON, any matrix figure as
// SVG or PNG, and a link that reopens the page with the same inputs.
import { useId, useRef, useState } from 'react';
import type { Mechanism } from '../../core/cases';
import { VIEWS, type View } from '../../core/views';
import { toCliJson, type Trace } from '../../trace';
import { matrixSvg, svgToPng } from '../../viz/exportFigure';
import { limitOf } from '../../viz';
import { fill, useStrings, type Lang } from '../i18n';
import { useLocalized } from '../i18n/define';
import { linkWith } from '../state/query';
import { URL_VERSION } from '../state/schema';
import { MAX_CASE_LINK, type CaseInLink } from './caseLink';
import { saveBlob } from './download';
import { playgroundStrings } from './playground.strings';
import { printSettings, type PlaygroundSettings } from './settings';
import { runStrings } from '../components/run.strings';

export interface ExportPanelProps {
  mechanism: Mechanism;
  traces: Partial<Record<View, Trace>>;
  settings: PlaygroundSettings;
  /** Typed or imported numbers are running (null: they are not): whether the link carries them. */
  caseInLink: CaseInLink | null;
}

const FIGURES = ['o', 'S', 'M'] as const;
type FigureId = (typeof FIGURES)[number];

/** The link that reopens the playground with these settings, in this language. */
export function playgroundLink(settings: PlaygroundSettings, lang: Lang, href = location.href): string {
  const url = new URL(linkWith(href, new Map([['lang', lang], ['pg', printSettings(settings)]]), URL_VERSION));
  url.hash = '#/playground';
  return url.href;
}

function figureValues(trace: Trace, figure: FigureId): number[][] | null {
  if (figure === 'o') return trace.o;
  if (figure === 'S') return trace.S_final;
  return trace.M ?? null;
}

export function ExportPanel({ mechanism, traces, settings, caseInLink }: ExportPanelProps) {
  const { lang } = useStrings();
  const runUi = useLocalized(runStrings);
  const ui = useLocalized(playgroundStrings);
  const id = useId();
  const [view, setView] = useState<View>('recurrent');
  const [figure, setFigure] = useState<FigureId>('o');
  const [link, setLink] = useState<string | null>(null);
  const [copyState, setCopyState] = useState<'copied' | 'select' | null>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const trace = traces[view];
  const values = trace ? figureValues(trace, figure) : null;
  const base = `${mechanism}-${view}`;
  const readyNote = fill(ui.export.ready, { view: ui.viewNames[view], backend: runUi.backends[trace?.backend ?? 'wasm'] });

  const downloadTrace = () => {
    if (!trace) return;
    const json = toCliJson(trace, view === 'recurrent' && trace.steps !== undefined);
    saveBlob(new Blob([JSON.stringify(json)], { type: 'application/json' }), `trace-${base}.json`);
  };
  const svgOf = () =>
    values && trace
      ? matrixSvg(values, {
          title: fill(ui.export.figureTitle, { figure: ui.export.figures[figure], mechanism: ui.mechanisms[mechanism], view: ui.viewNames[view], backend: runUi.backends[trace.backend] }),
          limit: limitOf(values),
        })
      : null;
  const downloadSvg = () => {
    const svg = svgOf();
    if (svg) saveBlob(new Blob([svg.svg], { type: 'image/svg+xml' }), `${figure}-${base}.svg`);
  };
  const downloadPng = async () => {
    const svg = svgOf();
    if (svg) saveBlob(await svgToPng(svg), `${figure}-${base}.png`);
  };
  const copyLink = async () => {
    const next = playgroundLink(settings, lang);
    setLink(next);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(next);
      setCopyState('copied');
    } catch {
      setCopyState('select');
      // Wait for the input to show the new link, then select it for Ctrl+C.
      requestAnimationFrame(() => {
        linkRef.current?.focus();
        linkRef.current?.select();
      });
    }
  };

  return (
    <section className="pg-export" aria-labelledby={`${id}-heading`} data-testid="pg-export">
      <h2 id={`${id}-heading`}>{ui.export.heading}</h2>
      <div className="pg-row">
        <div className="control">
          <label htmlFor={`${id}-view`}>{ui.export.view}</label>
          <select id={`${id}-view`} value={view} onChange={(e) => setView(e.target.value as View)} data-testid="pg-export-view">
            {VIEWS.map((v) => (
              <option key={v} value={v} disabled={!traces[v]}>
                {ui.viewNames[v]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={downloadTrace} disabled={!trace} data-testid="pg-download-trace">
          {ui.export.trace}
        </button>
        <div className="control">
          <label htmlFor={`${id}-figure`}>{ui.export.figure}</label>
          <select id={`${id}-figure`} value={figure} onChange={(e) => setFigure(e.target.value as FigureId)} data-testid="pg-export-figure">
            {FIGURES.map((f) => (
              <option key={f} value={f} disabled={!trace || !figureValues(trace, f)}>
                {ui.export.figures[f]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={downloadSvg} disabled={!values} data-testid="pg-download-svg">
          {ui.export.svg}
        </button>
        <button type="button" onClick={() => void downloadPng()} disabled={!values} data-testid="pg-download-png">
          {ui.export.png}
        </button>
      </div>
      {/* Both wordings in one cell: the panel keeps its height when the view's run answers. */}
      <p className="muted small-note" data-testid="pg-export-state" data-ready={trace !== undefined}>
        <span className="badge-stack">
          <span aria-hidden={trace === undefined || undefined}>{readyNote}</span>
          <span aria-hidden={trace !== undefined || undefined}>{ui.export.notRun}</span>
        </span>
      </p>
      <p className="muted small-note">{ui.export.traceHelp}</p>
      <div className="pg-row">
        <button type="button" onClick={() => void copyLink()} data-testid="pg-copy-link">
          {ui.export.copy}
        </button>
        {copyState && (
          <span role="status" data-testid="pg-copy-status" data-state={copyState}>
            {copyState === 'copied' ? ui.export.copied : ui.export.selectToCopy}
          </span>
        )}
      </div>
      {link && (
        <div className="control pg-link">
          <label htmlFor={`${id}-link`}>{ui.export.linkLabel}</label>
          <input id={`${id}-link`} ref={linkRef} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="pg-link" />
        </div>
      )}
      {caseInLink === 'in-link' && <p className="muted small-note">{ui.custom.inLink}</p>}
      {typeof caseInLink === 'object' && caseInLink !== null && (
        <p className="muted small-note">{fill(ui.custom.tooLargeForLink, { n: String(caseInLink.tooLarge), max: String(MAX_CASE_LINK) })}</p>
      )}
    </section>
  );
}
