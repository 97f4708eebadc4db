// The playground (#/playground): any mechanism, generated or typed or imported inputs, T up to 1024,
// the three views live side by side with their cost, and everything exportable. State lives in one
// settings object mirrored into the link (?pg=); typed and imported numbers go into the link beside it,
// compressed (?case=, caseLink.ts), unless there are too many of them, which the page then says.
// Its title and lead, and the page's gate, are the route's (index.tsx).
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { caseSizes, type Case } from '../../core/cases';
import { formCosts } from '../../core/formCost';
import { mechanismKnobs, playgroundCase } from '../../core/playgroundInputs';
import type { CliTrace } from '../../trace/trace';
import { PredictReveal } from '../components/PredictReveal';
import { warmRuntimeWhenMayStart } from '../hooks/runtimeStart';
import { problemText } from './problemText';
import { fill, useStrings } from '../i18n';
import { useLocalized } from '../i18n/define';
import { CaseEditor } from './CaseEditor';
import { MAX_CASE_LINK, decodeCase, encodeCase, type CaseInLink, type CaseLinkProblem } from './caseLink';
import { CHAPTER_EXAMPLES, chapterExample, type ChapterExample } from './chapterExamples';
import { CostCounter } from './CostCounter';
import { ExportPanel } from './ExportPanel';
import { ImportedTrace } from './ImportedTrace';
import { ImportPanel } from './ImportPanel';
import { InputsPanel } from './InputsPanel';
import { playgroundStrings } from './playground.strings';
import { MAX_UNKNOWN_LINES } from '../state/noticeLines';
import { useUrlParam } from '../state/UrlState';
import type { Schema } from '../state/schema';
import { DEFAULT_SETTINGS, parseSettings, printSettings, setSetting, type Note, type SettingName } from './settings';
import { usePlaygroundViews } from './usePlaygroundViews';
import { ViewsPanel } from './ViewsPanel';
import { TrainedPanel } from '../trained/TrainedPanel';
import { routeHref } from '../routes';
import './playground.css';
import { formatCount } from '../../viz/units';
import { Staggered } from '../shell/pageSettle';

interface CustomInput {
  case: Case;
  /** Where the numbers came from, named in the notice (in the page's current language). */
  source: { kind: 'typed' } | { kind: 'file'; name: string } | { kind: 'example'; id: ChapterExample } | { kind: 'link' };
}

/** The playground's one link parameter, taken as text: settings.ts reads it (and says what it repaired). */
const SETTINGS_TEXT: Schema<string> = { parse: (text) => ({ ok: true, value: text }), format: (text) => text };
const DEFAULT_TEXT = printSettings(DEFAULT_SETTINGS);
/** ?case= as text (caseLink.ts reads it, asynchronously); it may be longer than other parameters. */
const CASE_TEXT: Schema<string> = { ...SETTINGS_TEXT, maxLength: MAX_CASE_LINK };

export function PlaygroundPage() {
  const ui = useLocalized(playgroundStrings);
  const [pg, setPg] = useUrlParam('pg', SETTINGS_TEXT, '');
  const [initial] = useState(() => parseSettings(pg || null));
  const [settings, setSettings] = useState(initial.settings);
  const [notes, setNotes] = useState<Note[]>(initial.notes);
  const [custom, setCustom] = useState<CustomInput | null>(null);
  const [imported, setImported] = useState<{ trace: CliTrace; name: string } | null>(null);
  const [caseText, setCaseText] = useUrlParam('case', CASE_TEXT, '');
  const [caseInLink, setCaseInLink] = useState<CaseInLink>('pending');
  const [caseProblem, setCaseProblem] = useState<CaseLinkProblem | null>(null);
  // The link's numbers are read once, when the page opens; until then the link keeps them.
  const readingLink = useRef(caseText !== '');
  // Its views run models: onnxruntime's wasm starts as soon as the runtime may start (src/runtime/warm.ts).
  useEffect(warmRuntimeWhenMayStart, []);

  useEffect(() => {
    if (!readingLink.current) return;
    let live = true;
    void decodeCase(caseText).then((r) => {
      if (!live) return;
      readingLink.current = false;
      if (r.ok) setCustom({ case: r.case, source: { kind: 'link' } });
      else {
        setCaseProblem(r.problem);
        setCaseText('');
      }
    });
    return () => {
      live = false;
    };
    // Once per page: later the page writes the link, it does not read it.
  }, []);

  useEffect(() => {
    if (readingLink.current) return;
    if (custom === null) {
      setCaseText('');
      return;
    }
    let live = true;
    setCaseInLink('pending');
    void encodeCase(custom.case).then((r) => {
      if (!live) return;
      setCaseText('text' in r ? r.text : '');
      setCaseInLink('text' in r ? 'in-link' : { tooLarge: r.tooLarge });
    });
    return () => {
      live = false;
    };
  }, [custom, setCaseText]);

  const { mechanism, T: genT, dk: genDk, dv: genDv, seed, preset } = settings;
  const knobs = mechanismKnobs(mechanism);
  const gateLevel = knobs.gate ? settings.gate : 1;
  const beta = knobs.beta ? settings.beta : 1;
  const generated = useMemo(
    () => playgroundCase(mechanism, { T: genT, dk: genDk, dv: genDv, seed, preset, gateLevel, beta }),
    [mechanism, genT, genDk, genDv, seed, preset, gateLevel, beta],
  );
  const input = custom?.case ?? generated;
  const { T, dk, dv } = caseSizes(input);
  const chunk = Math.max(1, Math.min(T, settings.chunk));
  const views = usePlaygroundViews(input, chunk);
  // What the link holds: the generated inputs' settings (a typed case may allow a chunk beyond their T).
  const linkSettings = useMemo(() => ({ ...settings, chunk: Math.min(settings.chunk, settings.T) }), [settings]);

  // The link always describes the page (TensorFlow Playground's habit): reload or share, same inputs.
  useEffect(() => {
    const text = printSettings(linkSettings);
    setPg(text === DEFAULT_TEXT ? '' : text);
  }, [linkSettings, setPg]);

  const sourceName = (source: CustomInput['source']): string =>
    source.kind === 'typed' ? ui.custom.typed : source.kind === 'link' ? ui.custom.link : source.kind === 'file' ? source.name : ui.examples.items[source.id];

  // Each commit builds on the one before, even when React has not re-rendered in between: built on
  // the render's `settings`, a length committed right after a seed put the old seed back (on a busy
  // machine; e2e/playground.spec.ts commits two boxes in one task).
  const latest = useRef(settings);
  useLayoutEffect(() => {
    latest.current = settings;
  }, [settings]);
  const commit = (name: SettingName, raw: string) => {
    const { settings: next, note } = setSetting(latest.current, name, raw);
    latest.current = next;
    setSettings(next);
    setNotes(note ? [note] : []);
    return next;
  };

  return (
    <>
      <Notes
        notes={notes}
        caseProblem={caseProblem}
        onDismiss={() => {
          setNotes([]);
          setCaseProblem(null);
        }}
      />
      {custom ? (
        <div className="notice pg-custom-active" role="status" data-testid="pg-custom-active" data-source={custom.source.kind === 'file' ? custom.source.name : custom.source.kind}>
          {fill(ui.custom.active, {
            source: sourceName(custom.source),
            mechanism: ui.mechanisms[input.mechanism],
            T: String(T),
            dk: String(dk),
            dv: String(dv),
          })}{' '}
          <button type="button" onClick={() => setCustom(null)} data-testid="pg-back-generated">
            {ui.custom.back}
          </button>
          {typeof caseInLink === 'object' && (
            <p data-testid="pg-case-too-large" data-chars={caseInLink.tooLarge}>
              {fill(ui.custom.tooLargeForLink, { n: String(caseInLink.tooLarge), max: String(MAX_CASE_LINK) })}
            </p>
          )}
        </div>
      ) : null}
      {/* Laid out in one task, the page's body (~950 elements) was the longest task of its load: its
          parts come in a frame each (pageSettle.tsx), the page unpainted till all are in. */}
      <Staggered>
        <div className="pg-setup">
          <InputsPanel settings={settings} onCommit={commit} disabled={custom !== null} />
          <CostCounter mechanism={input.mechanism} T={T} dk={dk} dv={dv} chunk={chunk} />
        </div>
        <>
          <ExampleMenu onPick={(id) => setCustom({ case: chapterExample(id), source: { kind: 'example', id } })} />
          <CaseEditor current={input} onRun={(c) => setCustom({ case: c, source: { kind: 'typed' } })} />
        </>
        <ViewsPanel input={input} views={views} chunk={chunk} onChunk={(c) => setSettings((s) => ({ ...s, chunk: c }))} />
        <>
          <ExportPanel mechanism={input.mechanism} traces={views.traces} settings={linkSettings} caseInLink={custom === null ? null : caseInLink} />
          <ImportPanel
            onCase={(c, name) => {
              setCustom({ case: c, source: { kind: 'file', name } });
              setImported(null);
            }}
            onTrace={(trace, name) => setImported({ trace, name })}
          />
        </>
        {imported && <ImportedTrace key={imported.name + imported.trace.o.length} trace={imported.trace} name={imported.name} onClose={() => setImported(null)} />}
        <>
          <CrossoverQuestion />
          <TrainedPanel />
          <p className="train-link">
            <a href={routeHref({ page: 'train' })} data-testid="pg-train-link">
              {ui.trainLink}
            </a>
          </p>
        </>
      </Staggered>
    </>
  );
}

function ExampleMenu({ onPick }: { onPick: (id: ChapterExample) => void }) {
  const ui = useLocalized(playgroundStrings);
  const id = useId();
  return (
    <div className="control pg-examples">
      <label htmlFor={id}>{ui.examples.label}</label>
      <select
        id={id}
        value=""
        onChange={(e) => {
          const picked = CHAPTER_EXAMPLES.find((x) => x === e.target.value);
          if (picked) onPick(picked);
        }}
        data-testid="pg-example"
      >
        <option value="">{ui.examples.choose}</option>
        {CHAPTER_EXAMPLES.map((x) => (
          <option key={x} value={x}>
            {ui.examples.items[x]}
          </option>
        ))}
      </select>
    </div>
  );
}

function Notes({ notes, caseProblem, onDismiss }: { notes: Note[]; caseProblem: CaseLinkProblem | null; onDismiss: () => void }) {
  const ui = useLocalized(playgroundStrings);
  if (notes.length === 0 && caseProblem === null) return null;
  const text = (n: Note) => {
    const name = n.kind === 'unknown' ? n.name : Object.hasOwn(ui.settingNames, n.name) ? ui.settingNames[n.name as SettingName] : n.name;
    return fill(ui.notes[n.kind], { name, raw: n.raw, value: n.value ?? '', allowed: n.allowed ?? '' });
  };
  // Hundreds of made-up settings in a link are one line, as in the site's link notice.
  const unknown = notes.filter((n) => n.kind === 'unknown');
  const shown = unknown.length > MAX_UNKNOWN_LINES ? notes.filter((n) => n.kind !== 'unknown') : notes;
  return (
    <div className="notice pg-notes" role="status" data-testid="pg-notes">
      <strong>{ui.notes.heading}</strong>
      {shown.map((n, i) => (
        <p key={i} data-testid="pg-note" data-kind={n.kind} data-name={n.name}>
          {text(n)}
        </p>
      ))}
      {unknown.length > MAX_UNKNOWN_LINES && (
        <p data-testid="pg-note" data-kind="unknown" data-count={unknown.length}>
          {fill(ui.notes.unknownMany, { n: String(unknown.length), names: `${unknown.slice(0, 3).map((n) => n.raw).join(', ')}, …` })}
        </p>
      )}
      {caseProblem && (
        <p data-testid="pg-note" data-kind="case" data-name="case">
          {fill(ui.notes.case, { raw: caseProblem.code === 'unreadable' ? ui.custom.linkUnreadable : problemText(caseProblem, ui) })}
        </p>
      )}
      <button type="button" onClick={onDismiss}>
        {ui.notes.dismiss}
      </button>
    </div>
  );
}

/** Predict, then reveal: where the T² of the parallel form overtakes the T·d_k·d_v of the recurrent one. */
function CrossoverQuestion() {
  const { lang } = useStrings();
  const ui = useLocalized(playgroundStrings);
  const at64 = formCosts(64, 64, { dk: 64, dv: 64 });
  const count = (n: number) => formatCount(n, lang);
  return (
    <PredictReveal
      exercise="playground"
      question={ui.predict.question}
      choices={(['short', 'crossover', 'long'] as const).map((id) => ({ id, label: ui.predict.choices[id] }))}
      explanation={
        <>
          <p>{ui.predict.explanation}</p>
          <p data-testid="pg-predict-numbers">{fill(ui.predict.numbers, { parallel: count(at64.parallel.flops), recurrent: count(at64.recurrent.flops) })}</p>
        </>
      }
    />
  );
}
