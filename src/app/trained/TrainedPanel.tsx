// The trained-model panel: a learner types or generates a sequence, a network trained on the task runs
// live (WebGPU or WASM), its answers appear with their confidence, the course's own figure plays the
// q, k, v and gates the trained layer produced, and a chart sets the result beside the held-out
// accuracy of every mechanism (from the training manifest).
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { rng } from '../../core/random';
import { CHANCE, IGNORE, TASKS, TASK_IDS, parseTokens, probabilities, queryPositions, solve, tokenName, type TaskId, type TokenProblem } from '../../core/tasks';
import { TRAINED_MECHANISMS, type TrainedMechanism } from '../../models/trained';
import { AccuracyChart, AttentionMatrix } from '../../viz';
import { MECHANISM_LINE, mechanismColor } from '../../viz/theme';
import { LiveBadge } from '../components/BackendBadge';
import { PresetMenu } from '../components/Controls';
import { whenPageSettled } from '../shell/pageSettle';
import { MemoryLab } from '../figure/MemoryLab';
import { usePlaygroundLink } from '../playground/usePlaygroundLink';
import { fill } from '../i18n';
import { useLocalized } from '../i18n/define';
import { figureStrings } from '../components/figure.strings';
import { integerIn, oneOf } from '../state/schema';
import { useUrlParam } from '../state/UrlState';
import { findSpec, loadManifest, type Manifest } from './models';
import { trainedStrings } from './trained.strings';
import { useTrainedRun } from './useTrainedRun';
import { YourModelImport } from './YourModelImport';
import { clearShowRequest, showRequestFor, useYourModel } from './yourModel';
import { YourNumbers, yourLabel, yourTableNote } from './YourModelNumbers';
import './trained.css';

export interface TrainedPanelProps {
  /** The chapter's task; absent (the playground) lets the learner pick one. */
  task?: TaskId;
  /** The model shown first. */
  model?: TrainedMechanism;
}

export function TrainedPanel({ task: fixedTask, model = 'deltanet' }: TrainedPanelProps) {
  const ui = useLocalized(trainedStrings);
  const [manifest, setManifest] = useState<Manifest | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const section = useRef<HTMLElement>(null);
  // Arriving from the lab's "Open" button: load at once, then scroll here (TrainedBody).
  const [arriving] = useState(() => showRequestFor(fixedTask) !== null);
  const near = useNearViewport(section) || arriving;
  useEffect(() => {
    if (!near) return;
    let live = true;
    loadManifest().then(
      (m) => live && setManifest(m),
      (e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [near]);
  useKeepFootInPlace(section, manifest !== null || loadError !== null, arriving);
  return (
    <section ref={section} className="trained-panel" aria-label={ui.region} data-testid="trained-panel">
      <h3>{ui.heading}</h3>
      {loadError ? (
        <p className="error" role="alert" data-testid="trained-error">
          {fill(ui.loadError, { detail: loadError })}
        </p>
      ) : manifest ? (
        <TrainedBody manifest={manifest} fixedTask={fixedTask} defaultModel={model} onArrive={() => section.current?.scrollIntoView({ block: 'start' })} />
      ) : (
        <p className="muted">{ui.loading}</p>
      )}
    </section>
  );
}

/**
 * The panel's body is ~800 px taller than its "loading…" line. A reader who jumped to the foot of the
 * chapter (the End key, a link to the foot) looks at what is below the panel: when the body comes in
 * while the page is scrolled to its end, scroll by the growth, so the next-chapter link under their eye
 * stays where it was. A reader scrolling down meets the panel a screen ahead of the view: nothing to do.
 * Nor for a reader working on something above the panel (the playground's question sits just above it,
 * near the page's end): scrolled, it jumped away from under their click.
 */
function useKeepFootInPlace(ref: React.RefObject<HTMLElement | null>, loaded: boolean, arriving: boolean): void {
  const loadingHeight = useRef<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (!loaded) {
      // Heard from a ResizeObserver, after the browser's own layout: reading offsetHeight here, as the
      // panel mounted, laid out the half-built chapter in the middle of React's commit (12-15 ms).
      if (typeof ResizeObserver === 'undefined') return;
      const sizes = new ResizeObserver(([entry]) => {
        const box = entry.borderBoxSize?.[0];
        loadingHeight.current = Math.round(box ? box.blockSize : entry.contentRect.height);
      });
      sizes.observe(el);
      return () => sizes.disconnect();
    }
    const before = loadingHeight.current;
    loadingHeight.current = null;
    if (before === null || arriving || window.scrollY <= 0) return;
    const growth = el.offsetHeight - before;
    const endBefore = document.documentElement.scrollHeight - growth;
    if (growth > 0 && window.scrollY + window.innerHeight >= endBefore - 2 && !focusAbove(el)) window.scrollBy({ top: growth, behavior: 'instant' });
  }, [ref, loaded, arriving]);
}

/**
 * Whether the focus is on something before this element in the page (a control the reader is using).
 * Not on a container of it: the body, or #main after "skip to content", holds no control.
 */
function focusAbove(el: HTMLElement): boolean {
  const focus = document.activeElement;
  if (!focus) return false;
  const at = el.compareDocumentPosition(focus);
  return (at & Node.DOCUMENT_POSITION_PRECEDING) !== 0 && (at & Node.DOCUMENT_POSITION_CONTAINS) === 0;
}

/** True once the element comes within a screen of the viewport: the panel's model runs only then. */
function useNearViewport(ref: React.RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    // Only once the page has come in: its lower stage mounts a piece a frame, and at the end of a
    // half-mounted chapter the panel sat within a screen of the top, so it loaded (and grew the page by
    // ~800 px) on some loads and not on others.
    let io: IntersectionObserver | undefined;
    const cancel = whenPageSettled(() => {
      io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '100% 0px' });
      io.observe(el);
    });
    return () => {
      cancel();
      io?.disconnect();
    };
  }, [ref, near]);
  return near;
}

const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;

/** The task's longest token name (the answers are set in a monospace face, so the longest is the widest). */
function longestTokenName(task: TaskId): string {
  let longest = '';
  for (let tok = 0; tok < TASKS[task].vocab; tok++) {
    const name = tokenName(task, tok);
    if (name.length > longest.length) longest = name;
  }
  return longest;
}

interface BodyProps {
  manifest: Manifest;
  fixedTask?: TaskId;
  defaultModel: TrainedMechanism;
  /** Called once when the panel opened to show the learner's own model. */
  onArrive: () => void;
}

function TrainedBody({ manifest, fixedTask, defaultModel, onArrive }: BodyProps) {
  const ui = useLocalized(trainedStrings);
  const axes = useLocalized(figureStrings).attention;
  const ids = { level: useId(), text: useId() };
  const [pickedTask, setTask] = useUrlParam('tk', oneOf(TASK_IDS), 'story');
  const task = fixedTask ?? pickedTask;
  const spec0 = TASKS[task];
  const [linkedMechanism, setMechanism] = useUrlParam('tm', oneOf(TRAINED_MECHANISMS), defaultModel);
  // Only the mechanisms trained on this task (the time-invariant contrast exists for copying only).
  const available = TRAINED_MECHANISMS.filter((m) => findSpec(manifest, task, m));
  const mechanism = available.includes(linkedMechanism) ? linkedMechanism : (available[0] ?? linkedMechanism);
  const [linkedLevel, setLevel] = useUrlParam('tl', integerIn({ min: spec0.range[0], max: spec0.range[1] }), spec0.levels[1]);
  // Switching task (playground) keeps the number; clamp it into the new task's range.
  const level = Math.min(Math.max(linkedLevel, spec0.range[0]), spec0.range[1]);
  const [seed, setSeed] = useUrlParam('ts', integerIn({ min: 0, max: 1e6 }), 1);
  const [layer, setLayer] = useState(0);
  const [showMemory, setShowMemory] = useState(false);
  const [typed, setTyped] = useState<number[] | null>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<TokenProblem | null>(null);
  // The learner's own model (yourModel.ts), shown instead of the manifest's when picked or on arrival.
  const [arrival] = useState(() => showRequestFor(fixedTask));
  const [showYours, setShowYours] = useState(arrival !== null);
  useEffect(() => {
    if (arrival === null) return;
    if (!fixedTask) setTask(arrival);
    clearShowRequest();
    onArrive();
    // Once, on the arrival this panel was opened for.
  }, [arrival]);
  const yours = useYourModel(task);
  const showing = showYours && yours !== undefined ? yours : undefined;

  const generated = useMemo(() => spec0.make(rng(seed * 1000 + level), level).tokens, [spec0, seed, level]);
  const tokens = typed ?? generated;
  useEffect(() => setText(tokens.map((tok) => tokenName(task, tok)).join(' ')), [tokens, task]);
  useEffect(() => setTyped(null), [task]);

  const spec = showing ? showing.spec : findSpec(manifest, task, mechanism);
  const run = useTrainedRun(spec, tokens, showing?.weights);
  const modelName = showing ? ui.yourRow : ui.mechanisms[mechanism];
  const names = useMemo(() => tokens.map((tok) => tokenName(task, tok)), [tokens, task]);
  const widestAnswer = useMemo(() => `→ ${longestTokenName(task)} 100% ✓`, [task]);
  const truth = useMemo(() => solve(task, tokens), [task, tokens]);
  const asked = useMemo(() => queryPositions(task, tokens), [task, tokens]);
  const shownLayer = spec ? Math.min(layer, spec.layers - 1) : 0;

  const answers = useMemo(() => {
    if (run.status !== 'done') return new Map<number, { tok: number; p: number }>();
    return new Map(
      asked.map((pos) => {
        const p = probabilities(run.result.logits[pos]);
        const tok = p.indexOf(Math.max(...p));
        return [pos, { tok, p: p[tok] }];
      }),
    );
  }, [run, asked]);
  const scored = asked.filter((pos) => truth[pos] !== IGNORE);
  const right = scored.filter((pos) => answers.get(pos)?.tok === truth[pos]).length;
  const last = asked[asked.length - 1];
  const lastAnswer = last === undefined ? undefined : answers.get(last);

  const apply = () => {
    const parsed = parseTokens(task, text);
    if ('problem' in parsed) return setProblem(parsed.problem);
    setProblem(null);
    setTyped(parsed.tokens);
  };
  const series = TRAINED_MECHANISMS.flatMap((m) => {
    const s = findSpec(manifest, task, m);
    if (!s) return [];
    return [{ id: m, label: ui.mechanisms[m], color: mechanismColor[m], dash: MECHANISM_LINE[m].dash, points: Object.entries(s.accuracy).map(([x, y]) => ({ x: Number(x), y })) }];
  });
  const levels = TASKS[task].levels;
  const layerCase = run.status === 'done' ? run.result.layers[shownLayer] : null;
  const memoryLink = usePlaygroundLink(showMemory ? (layerCase?.case ?? null) : null);

  return (
    <div className="trained-body">
      {showing ? (
        <p className="trained-intro" data-testid="trained-yours" data-steps={showing.spec.steps} data-mechanism={showing.spec.mechanism}>
          {fill(ui.yourIntro, { mechanism: ui.mechanisms[showing.spec.mechanism], layers: showing.spec.layers > 1 ? ui.twoLayers : ui.oneLayer, width: String(showing.spec.d_model) })}
          {showing.from.kind === 'file' && ` ${fill(ui.yourFrom, { file: showing.from.name })}`}
          {showing.replaced && (
            <span data-testid="trained-your-replaced"> {fill(ui.yourReplaced, { mechanism: ui.mechanisms[showing.replaced.mechanism], steps: String(showing.replaced.steps) })}</span>
          )}
        </p>
      ) : (
        <p className="trained-intro">{fill(ui.intro, { layers: (spec?.layers ?? 1) > 1 ? ui.twoLayers : ui.oneLayer })}</p>
      )}
      <p className="muted">{ui.taskHelp[task]}</p>
      <div className="trained-controls">
        {!fixedTask && <PresetMenu label={ui.task} value={task} options={TASK_IDS.map((id) => ({ id, label: ui.tasks[id] }))} onChange={setTask} testId="trained-task" />}
        <PresetMenu<TrainedMechanism | 'yours'>
          label={ui.model}
          value={showing ? 'yours' : mechanism}
          options={[...available.map((id) => ({ id, label: ui.mechanisms[id] })), ...(yours ? [{ id: 'yours' as const, label: yourLabel(ui, yours) }] : [])]}
          onChange={(id) => {
            setShowYours(id === 'yours');
            if (id !== 'yours') setMechanism(id);
          }}
          testId="trained-model"
        />
        <div className="control">
          <label htmlFor={ids.level}>
            {fill(ui.level, { name: ui.levelName[task] })} = <output htmlFor={ids.level}>{level}</output>
          </label>
          <input
            id={ids.level}
            type="range"
            min={spec0.range[0]}
            max={spec0.range[1]}
            value={level}
            onChange={(e) => {
              setTyped(null);
              setLevel(Number(e.target.value));
            }}
            data-testid="trained-level"
          />
        </div>
        <button
          type="button"
          onClick={() => {
            setTyped(null);
            setSeed((s) => s + 1);
          }}
          data-testid="trained-generate"
        >
          {ui.generate}
        </button>
        {spec && spec.layers > 1 && (
          <PresetMenu
            label={ui.layer}
            value={String(shownLayer)}
            options={Array.from({ length: spec.layers }, (_, n) => ({ id: String(n), label: fill(ui.layerOption, { n: String(n + 1) }) }))}
            onChange={(n) => setLayer(Number(n))}
            testId="trained-layer"
          />
        )}
      </div>
      <form
        className="trained-text"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <label htmlFor={ids.text}>{ui.sequence}</label>
        <textarea id={ids.text} rows={2} value={text} onChange={(e) => setText(e.target.value)} data-testid="trained-text" spellCheck={false} />
        <button type="submit" data-testid="trained-apply">
          {ui.apply}
        </button>
        {problem && (
          <p className="error" role="alert" data-testid="trained-problem">
            {fill(ui.problems[problem.kind], problem.kind === 'unknown' ? { word: problem.word } : problem.kind === 'too-long' ? { max: String(problem.max) } : {})}
          </p>
        )}
      </form>
      <YourModelImport
        task={task}
        fixedTask={Boolean(fixedTask)}
        replaces={yours !== undefined}
        onOpened={(trainedOn) => {
          if (!fixedTask) setTask(trainedOn);
          setShowYours(true);
        }}
      />

      <ol className="trained-tokens" data-testid="trained-tokens">
        {names.map((name, pos) => {
          const a = answers.get(pos);
          const isAsked = asked.includes(pos);
          const ok = a && truth[pos] !== IGNORE ? a.tok === truth[pos] : null;
          return (
            <li key={pos} className={isAsked ? 'asked' : undefined} data-pos={pos}>
              <span className="tok">{name}</span>
              {isAsked && (
                // The widest answer this task can give, unseen, holds the room: a token's box keeps its
                // width when the model answers, and the row keeps its wrap (it grew by a line or two).
                <span className={`ans badge-stack ${ok === true ? 'right' : ok === false ? 'wrong' : ''}`} data-testid="trained-answer" data-answer={a ? tokenName(task, a.tok) : ''} data-p={a?.p.toFixed(4)}>
                  <span>{a ? `→ ${tokenName(task, a.tok)} ${pct(a.p)} ${ok === true ? '✓' : ok === false ? '✗' : ''}` : '…'}</span>
                  <span aria-hidden="true">{widestAnswer}</span>
                </span>
              )}
            </li>
          );
        })}
      </ol>

      <div className="trained-status" aria-live="polite">
        {run.status === 'loading' && <p className="muted" data-testid="trained-running">{ui.running}</p>}
        {run.status === 'error' && (
          <p className="error" role="alert" data-testid="trained-error">
            {fill(ui.loadError, { detail: run.message })}
          </p>
        )}
        {!spec && <p className="error">{ui.missing}</p>}
        {run.status === 'done' && lastAnswer && last !== undefined && (
          <p data-testid="trained-summary">
            {fill(ui.says, { model: modelName, answer: tokenName(task, lastAnswer.tok), p: pct(lastAnswer.p) })}{' '}
            {truth[last] === IGNORE ? ui.noTruth : lastAnswer.tok === truth[last] ? ui.right : fill(ui.wrong, { answer: tokenName(task, truth[last]) })}{' '}
            {scored.length > 1 && <span className="muted">({fill(ui.score, { right: String(right), asked: String(scored.length) })})</span>}
          </p>
        )}
        {run.status === 'done' && (
          <LiveBadge backend={run.backend} ms={run.ms} choice={run.choice} testId="trained-backend" />
        )}
      </div>

      <div className="trained-results">
        <figure>
          <figcaption>{ui.chartTitle}</figcaption>
          <AccuracyChart
            series={series}
            highlight={showing ? undefined : mechanism}
            live={run.status === 'done' && scored.length > 0 ? { x: level, y: right / scored.length, label: ui.liveMark } : null}
            chance={CHANCE[task]}
            xLabel={ui.levelName[task]}
            yLabel={ui.chartY}
            label={ui.chartLabel}
            testId="trained-chart"
          />
        </figure>
        <div className="scroll-frame">
        <table className="trained-table" data-testid="trained-table">
          <caption>
            {fill(ui.tableCaption, { n: String(manifest.heldOut.per_level), chance: pct(CHANCE[task]) })}
            {yours && <span data-testid="trained-your-caption"> {yourTableNote(ui, yours, task)}</span>}
          </caption>
          <thead>
            <tr>
              <th scope="col">{ui.mechanism}</th>
              {levels.map((l) => (
                <th key={l} scope="col">
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {available.map((m) => {
              const s = findSpec(manifest, task, m);
              return (
                <tr key={m} className={m === mechanism && !showing ? 'current' : undefined} data-mechanism={m}>
                  <th scope="row">
                    <svg className="swatch" width="26" height="10" aria-hidden="true">
                      <line x1="1" x2="25" y1="5" y2="5" stroke={mechanismColor[m]} strokeWidth={3} strokeDasharray={MECHANISM_LINE[m].dash} />
                    </svg>
                    {ui.mechanisms[m]}
                  </th>
                  {levels.map((l) => (
                    <td key={l}>{s ? pct(s.accuracy[String(l)] ?? NaN) : '—'}</td>
                  ))}
                </tr>
              );
            })}
            {yours && (
              <tr className={showing ? 'current' : undefined} data-mechanism="yours">
                <th scope="row">{ui.yourRow}</th>
                {levels.map((l) => (
                  <td key={l}>{yours.spec.accuracy[String(l)] === undefined ? '—' : pct(yours.spec.accuracy[String(l)])}</td>
                ))}
              </tr>
            )}
          </tbody>
        </table>
        </div>
        {showing ? (
          <YourNumbers model={showing} task={task} />
        ) : (
          spec && (
            <p className="muted" data-testid="trained-for">
              {fill(spec.batch ? ui.trainedForBatch : ui.trainedFor, { steps: String(spec.steps), batch: String(spec.batch ?? ''), params: String(spec.params), seconds: String(spec.trainSeconds) })}
            </p>
          )
        )}
      </div>

      {/* There from the start, usable once the run has answered: appearing then, it pushed the page's end down. */}
      {spec && (
        <button type="button" aria-expanded={showMemory} onClick={() => setShowMemory((v) => !v)} disabled={!layerCase} data-testid="trained-show-memory">
          {showMemory ? ui.hideMemory : ui.showMemory}
        </button>
      )}
      {showMemory && layerCase?.case && <MemoryLab input={layerCase.case} tokens={names} label={ui.figure} stepParam="tt" />}
      {showMemory && layerCase?.case && memoryLink && (
        <p>
          <a href={memoryLink} data-testid="trained-open-playground">
            {ui.openPlayground}
          </a>
        </p>
      )}
      {showMemory && layerCase?.M && (
        <div className="trained-attention">
          <p className="muted">{ui.noMemory}</p>
          <AttentionMatrix values={layerCase.M} labels={{ matrix: ui.attention, row: ui.attentionRow, rowAxis: axes.rowAxis, colAxis: axes.colAxis, valueLegend: axes.valueLegend }} caption={ui.attention} causal testId="trained-attention" />
        </div>
      )}
    </div>
  );
}
