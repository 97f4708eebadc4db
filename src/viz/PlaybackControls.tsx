// Play / pause / step / scrub / speed for the page's shared cursor, and the focusable region whose
// keys (Space, ←/→, Home/End) drive it. Every word comes from `labels`; the app translates them.
import { useId, type ReactNode } from 'react';
import { formatSpeed, stepText } from './aria';
import { useCursorKeys, useTimeCursor } from './cursor';
import { SPEEDS } from './cursorState';
import { PauseIcon, PlayIcon, StepBackIcon, StepForwardIcon } from './icons';
import './viz.css';

export interface PlaybackLabels {
  /** Name of the control group, e.g. "Playback". */
  group: string;
  play: string;
  pause: string;
  stepBack: string;
  stepForward: string;
  /** The slider's name, e.g. "Time step". */
  scrub: string;
  /** "step {t} of {T}" (t is 1-based). */
  stepOf: string;
  /** The slider's text at −1, e.g. "before the first step". */
  beforeStart: string;
  speed: string;
}

export interface PlaybackControlsProps {
  labels: PlaybackLabels;
  testId?: string;
}

export function PlaybackControls({ labels, testId = 'playback' }: PlaybackControlsProps) {
  const cursor = useTimeCursor();
  const { T, step, shown, playing, speed } = cursor;
  const valueText = stepText(step, T, labels);
  // The visible label names the step the figures show: a hovered row or mark, else the cursor's.
  const shownText = stepText(shown, T, labels);
  return (
    <div className="playback" role="group" aria-label={labels.group} data-testid={testId} data-step={step} data-shown={shown} data-playing={playing}>
      <button type="button" onClick={() => cursor.stepBy(-1)} disabled={step <= -1} aria-label={labels.stepBack} title={labels.stepBack}>
        <StepBackIcon />
      </button>
      <button
        type="button"
        className="playback-play"
        onClick={cursor.toggle}
        disabled={T === 0}
        aria-label={playing ? labels.pause : labels.play}
        title={playing ? labels.pause : labels.play}
        data-testid={`${testId}-play`}
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      <button type="button" onClick={() => cursor.stepBy(1)} disabled={step >= T - 1} aria-label={labels.stepForward} title={labels.stepForward}>
        <StepForwardIcon />
      </button>
      <input
        type="range"
        className="playback-scrub"
        min={-1}
        max={Math.max(-1, T - 1)}
        step={1}
        value={step}
        aria-label={labels.scrub}
        aria-valuetext={valueText}
        onChange={(e) => cursor.seek(Number(e.currentTarget.value))}
        data-testid={`${testId}-scrub`}
      />
      <output className="playback-step" aria-hidden="true" data-num="" data-testid={`${testId}-label`}>
        {shownText}
      </output>
      <span className="playback-speed" role="group" aria-label={labels.speed}>
        {SPEEDS.map((s) => (
          <button key={s} type="button" aria-pressed={s === speed} onClick={() => cursor.setSpeed(s)} data-speed={s} data-num="">
            {formatSpeed(s)}
          </button>
        ))}
      </span>
    </div>
  );
}

export interface FigureRegionProps {
  /** Accessible name of the figure, e.g. "Recurrent view of linear attention". */
  label: string;
  /** Short hint for the keys, e.g. "Space: play or pause · ←/→: step · Home/End: first/last". */
  keysHint?: string;
  className?: string;
  children: ReactNode;
  testId?: string;
  /** One visible line naming what the figure shows; it also describes the region (aria-describedby). */
  caption?: ReactNode;
  /** Extra data-* attributes (e.g. the reading step it follows), as { 'data-x': '…' }. */
  data?: Readonly<Record<`data-${string}`, string | number>>;
}

/** A figure that takes keyboard focus; its keys move the shared cursor. */
export function FigureRegion({ label, keysHint, className, children, testId, caption, data }: FigureRegionProps) {
  const onKeyDown = useCursorKeys();
  const cursor = useTimeCursor();
  const captionId = useId();
  return (
    <section
      className={['figure-region', className].filter(Boolean).join(' ')}
      tabIndex={0}
      aria-label={label}
      aria-keyshortcuts="Space ArrowLeft ArrowRight Home End"
      onKeyDown={onKeyDown}
      data-testid={testId}
      data-step={cursor.shown}
      aria-describedby={caption ? captionId : undefined}
      {...data}
    >
      {caption && (
        <p className="figure-caption" id={captionId}>
          {caption}
        </p>
      )}
      {children}
      {keysHint && <p className="figure-keys muted">{keysHint}</p>}
    </section>
  );
}
