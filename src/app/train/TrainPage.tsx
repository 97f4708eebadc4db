// The training lab (#/train): pick a task, a size and up to four mechanisms, train them side by side
// off the main thread, and watch their loss, held-out accuracy, memory and gates as they learn. The
// whole setup lives in the link (settings.ts); the numbers come from the engine behind `Trainer`.
import { useEffect, useId, useMemo, useState } from 'react';
import { CHANCE, TASKS, TASK_IDS, type TaskId } from '../../core/tasks';
import type { Ablations, TrainConfig, TrainMechanism, Trainer } from '../../train/types';
import { Prose } from '../content/Prose';
import { fill } from '../i18n';
import { useLocalized } from '../i18n/define';
import { useUrlParam } from '../state/UrlState';
import { trainedStrings } from '../trained/trained.strings';
import { loadTrainer } from './engine';
import { ablationApplies } from '../../train/params';
import { ExportActions } from './ExportActions';
import { TRAIN_MECHANISMS, lineStyle } from './mechanisms';
import { ProbePanel } from './ProbePanel';
import { runErrorLine } from './runErrorLine';
import { latestAccuracy, latestAccuracyPoint } from './runState';
import { BACKENDS, DEFAULT_BATCH, DEFAULT_LEVEL, DEFAULT_SETUP, MAX_MECHANISMS, ablationsParam, backendParam, batchParam, dModelParam, layersParam, levelParam, mechanismsParam, probeParam, seedParam, taskParam } from './settings';
import { ChartLegend, TrainChart } from './TrainChart';
import { trainStrings } from './train.strings';
import { useTrainSession } from './useTrainSession';
import './train.css';

/** A training setting the page does not offer as a knob (train.py's; the batch is in the link only, settings.ts). */
export const LEARNING_RATE = 3e-3;
/** Steps between two spoken progress reports: a screen reader hears little while training runs. */
const ANNOUNCE_EVERY = 100;

const pct = (x: number | null): string | null => (x === null ? null : `${(100 * x).toFixed(0)}%`);

export function TrainPage({ load = loadTrainer }: { load?: () => Promise<Trainer> }) {
  const ui = useLocalized(trainStrings);
  const names = useLocalized(trainedStrings).mechanisms;
  const id = useId();
  const [task, setTask] = useUrlParam('task', taskParam, DEFAULT_SETUP.task);
  const [level, setLevel] = useUrlParam('level', levelParam(task), DEFAULT_LEVEL[task]);
  const [dModel, setDModel] = useUrlParam('dm', dModelParam, DEFAULT_SETUP.dModel);
  const [layers, setLayers] = useUrlParam('layers', layersParam, DEFAULT_SETUP.layers);
  const [mechanisms, setMechanisms] = useUrlParam('mech', mechanismsParam, DEFAULT_SETUP.mechanisms);
  const [ablations, setAblations] = useUrlParam('abl', ablationsParam, DEFAULT_SETUP.ablations);
  const [seed, setSeed] = useUrlParam('seed', seedParam, DEFAULT_SETUP.seed);
  const [backend, setBackend] = useUrlParam('backend', backendParam, 'auto');
  const [batch] = useUrlParam('batch', batchParam, DEFAULT_BATCH);
  const [probeChoice, setProbe] = useUrlParam('probe', probeParam, mechanisms[0]);
  const probeMechanism = mechanisms.includes(probeChoice) ? probeChoice : mechanisms[0];

  const config = useMemo<TrainConfig>(
    () => ({ task, level, dModel, layers, mechanisms, ablations, seed, batch, learningRate: LEARNING_RATE, backend }),
    [task, level, dModel, layers, mechanisms, ablations, seed, batch, backend],
  );
  const session = useTrainSession(load, config, probeMechanism);
  const { run, ready } = session;
  const training = run.phase === 'training';
  const [exportError, setExportError] = useState<string | null>(null);
  const failed = run.error?.failed;

  // Spoken progress, kept sparse: a change of phase, and every ANNOUNCE_EVERY steps.
  const [announcement, setAnnouncement] = useState('');
  const milestone = Math.floor(run.step / ANNOUNCE_EVERY);
  useEffect(() => {
    if (run.step === 0 && run.phase === 'idle') return setAnnouncement('');
    const summary = mechanisms
      .map((m) => `${names[m]} ${pct(latestAccuracy(run.runs[m])) ?? ui.notYet}`)
      .join(', ');
    setAnnouncement(fill(ui.announce, { step: String(run.step), phase: ui.phase[run.phase], summary }));
    // Only the phase and the milestone should speak, not every step.
  }, [run.phase, milestone]);

  const toggleMechanism = (m: TrainMechanism, on: boolean) => {
    const next = on ? [...mechanisms, m] : mechanisms.filter((x) => x !== m);
    if (next.length >= 1 && next.length <= MAX_MECHANISMS) setMechanisms(TRAIN_MECHANISMS.filter((x) => next.includes(x)));
  };
  const toggleAblation = (k: keyof Ablations, on: boolean) => setAblations((a) => ({ ...a, [k]: on }));
  const [min, max] = TASKS[task].range;
  const series = mechanisms.map((m) => ({ id: m, label: names[m], style: lineStyle(m), loss: run.runs[m]?.loss ?? [], accuracy: run.runs[m]?.accuracy ?? [] }));
  const chance = CHANCE[task];

  return (
    <article className="train-page">
      <h1>{ui.title}</h1>
      <Prose id="train" part="before" />

      <form className="train-setup" onSubmit={(e) => e.preventDefault()} aria-describedby={training ? `${id}-locked` : undefined}>
        <h2>{ui.setup}</h2>
        <fieldset disabled={training} data-testid="train-setup">
          <div className="train-row">
            <label>
              {ui.task}{' '}
              <select
                value={task}
                data-testid="train-task"
                onChange={(e) => {
                  const next = e.target.value as TaskId;
                  setTask(next);
                  setLevel(DEFAULT_LEVEL[next]);
                }}
              >
                {TASK_IDS.map((t) => (
                  <option key={t} value={t}>
                    {ui.tasks[t]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {ui.level}{' '}
              <input
                type="number"
                min={min}
                max={max}
                step={1}
                value={level}
                data-testid="train-level"
                aria-describedby={`${id}-level`}
                onChange={(e) => {
                  const x = Math.round(Number(e.target.value));
                  if (Number.isFinite(x) && e.target.value !== '') setLevel(Math.min(max, Math.max(min, x)));
                }}
              />
              <span className="muted" id={`${id}-level`}>
                {' '}
                {fill(ui.levelHint, { min: String(min), max: String(max) })}
              </span>
            </label>
          </div>
          <div className="train-row">
            <label>
              {ui.dModel}{' '}
              <select value={dModel} data-testid="train-dmodel" onChange={(e) => setDModel(Number(e.target.value) as 16 | 32)}>
                <option value={16}>16</option>
                <option value={32}>32</option>
              </select>
            </label>
            <label>
              {ui.layers}{' '}
              <select value={layers} data-testid="train-layers" onChange={(e) => setLayers(Number(e.target.value) as 1 | 2)}>
                <option value={1}>1</option>
                <option value={2}>2</option>
              </select>
            </label>
            <label>
              {ui.seed}{' '}
              <input
                type="number"
                min={0}
                step={1}
                value={seed}
                data-testid="train-seed"
                onChange={(e) => {
                  const x = Math.round(Number(e.target.value));
                  if (Number.isFinite(x) && x >= 0 && x < 2 ** 31 && e.target.value !== '') setSeed(x);
                }}
              />
            </label>
            <label>
              {ui.backendChoice}{' '}
              <select value={backend} data-testid="train-backend-choice" onChange={(e) => setBackend(e.target.value as TrainConfig['backend'])}>
                {BACKENDS.map((b) => (
                  <option key={b} value={b}>
                    {b === 'auto' ? ui.backendAuto : ui.backends[b]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="muted" data-testid="train-fixed" data-batch={batch}>
            {fill(ui.fixedSettings, { batch: String(batch), rate: String(LEARNING_RATE) })}
          </p>
          <fieldset className="train-choices" data-testid="train-mechanisms">
            <legend>{ui.mechanisms}</legend>
            {TRAIN_MECHANISMS.map((m) => {
              const on = mechanisms.includes(m);
              const style = lineStyle(m);
              return (
                <label key={m} className="train-choice">
                  <input
                    type="checkbox"
                    value={m}
                    checked={on}
                    disabled={(!on && mechanisms.length >= MAX_MECHANISMS) || (on && mechanisms.length === 1)}
                    onChange={(e) => toggleMechanism(m, e.target.checked)}
                  />
                  <span className="train-swatch" style={{ borderColor: style.color }} aria-hidden="true" />
                  {names[m]}
                </label>
              );
            })}
            {mechanisms.length >= MAX_MECHANISMS && <p className="muted">{ui.mechanismsFull}</p>}
          </fieldset>
          <fieldset className="train-choices" data-testid="train-ablations">
            <legend>{ui.ablations}</legend>
            {(['noGate', 'noDelta', 'freezeKeys'] as const).map((k) => (
              <label key={k} className="train-choice">
                <input type="checkbox" checked={ablations[k]} data-ablation={k} onChange={(e) => toggleAblation(k, e.target.checked)} />
                {ui[k]}
                {!mechanisms.some((m) => ablationApplies(m, k)) && <span className="muted">{ui.noEffect}</span>}
              </label>
            ))}
          </fieldset>
        </fieldset>
        {training && (
          <p className="muted" id={`${id}-locked`}>
            {ui.locked}
          </p>
        )}
      </form>

      <div className="train-controls" role="group" aria-label={ui.setup}>
        <button type="button" data-testid="train-start" disabled={!ready || training} onClick={session.train}>
          {ui.train}
        </button>
        <button type="button" data-testid="train-pause" disabled={!training} onClick={session.pause}>
          {ui.pause}
        </button>
        <button type="button" data-testid="train-step-once" disabled={!ready || training} onClick={session.stepOnce}>
          {ui.stepOnce}
        </button>
        <button type="button" data-testid="train-reset" disabled={!ready || (run.step === 0 && run.phase === 'idle')} onClick={session.reset}>
          {ui.reset}
        </button>
        <span className="train-counter" data-testid="train-step" data-step={run.step} data-phase={run.phase}>
          {fill(ui.step, { step: String(run.step) })} · {ui.phase[run.phase]}
        </span>
        <span className="muted" data-testid="train-backend" data-backend={run.backend ?? ''}>
          {run.backend ? fill(ui.backend, { backend: ui.backends[run.backend] }) : ui.backendPending}
        </span>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="train-announce">
        {announcement}
      </p>
      {session.loadError && (
        <p className="error" role="alert" data-testid="train-error">
          {fill(ui.loadError, { detail: session.loadError })}
        </p>
      )}
      {!session.trainer && !session.loadError && <p className="muted">{ui.loading}</p>}
      {run.error && (
        <p className="error" role="alert" data-testid="train-error" data-mechanism={failed?.mechanism ?? ''}>
          {runErrorLine(ui, names, run.error)}
        </p>
      )}

      <figure className="train-figure">
        <ChartLegend series={series} />
        <TrainChart series={series} chance={chance} labels={{ step: ui.chartStep, loss: ui.chartLoss, accuracy: ui.chartAccuracy, chance: fill(ui.chartChance, { chance: pct(chance) ?? '' }), picture: ui.chartPicture }} />
        <figcaption className="muted">{ui.chartCaption}</figcaption>
      </figure>

      <div className="train-table-wrap">
        <table className="train-table" data-testid="train-table">
          <caption>{ui.table}</caption>
          <thead>
            <tr>
              <th scope="col">{ui.colMechanism}</th>
              <th scope="col">{ui.colLoss}</th>
              <th scope="col">{ui.colAccuracy}</th>
              <th scope="col">{ui.colSpeed}</th>
            </tr>
          </thead>
          <tbody>
            {mechanisms.map((m) => {
              const r = run.runs[m];
              const acc = latestAccuracy(r);
              const latest = r?.latest ?? null;
              // data-train-ms: the model's own step time so far, which the bench (scripts/bench/trainLab.ts) turns into compute steps/s.
              return (
                <tr key={m} data-mechanism={m} data-accuracy={acc ?? ''} data-step={latest?.step ?? 0} data-train-ms={Math.round(r?.trainMs ?? 0)}>
                  <th scope="row">
                    {names[m]}
                    {failed?.mechanism === m && (
                      <span className="train-row-failed" data-testid="train-failed">
                        {fill(ui.modelFailed, { step: String(failed.step) })}
                      </span>
                    )}
                  </th>
                  <td>{latest ? latest.loss.toFixed(3) : ui.notYet}</td>
                  <td data-testid={`train-accuracy-${m}`}>{pct(acc) ?? ui.notYet}</td>
                  <td>{latest ? latest.stepsPerSecond.toFixed(1) : ui.notYet}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <section className="train-exports" aria-labelledby={`${id}-exports`}>
        <h2 id={`${id}-exports`}>{ui.exports}</h2>
        <p className="muted">{ui.exportsIntro}</p>
        <ul>
          {mechanisms.map((m) => {
            const r = run.runs[m];
            return (
              <li key={m} data-mechanism={m}>
                <strong>{names[m]}</strong>{' '}
                <ExportActions
                  trainer={session.trainer}
                  disabled={!ready}
                  mechanism={m}
                  name={names[m]}
                  ablated={(['noGate', 'noDelta'] as const).some((k) => ablations[k] && ablationApplies(m, k))}
                  ablations={ablations}
                  setup={{ task, level, dModel, layers, seed, batch, step: r?.latest?.step ?? run.step, measured: latestAccuracyPoint(r), trainSeconds: (r?.trainMs ?? 0) / 1000 }}
                  onError={(detail) => setExportError(detail === null ? null : fill(ui.exportError, { detail }))}
                />
              </li>
            );
          })}
        </ul>
        {exportError && (
          <p className="error" role="alert" data-testid="train-export-error">
            {exportError}
          </p>
        )}
      </section>

      <section className="train-probe-section" aria-labelledby={`${id}-probe`}>
        <h2 id={`${id}-probe`}>{ui.probe}</h2>
        <label>
          {ui.probeModel}{' '}
          <select value={probeMechanism} data-testid="train-probe-model" onChange={(e) => setProbe(e.target.value as TrainMechanism)}>
            {mechanisms.map((m) => (
              <option key={m} value={m}>
                {names[m]}
              </option>
            ))}
          </select>
        </label>
        <ProbePanel reading={session.probe} task={task} />
      </section>

      <Prose id="train" part="after" />
    </article>
  );
}
