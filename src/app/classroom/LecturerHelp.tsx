// "For lecturers": what a link can carry, and a link to the current view with parts hidden or in
// presenter mode, ready to paste into slides or a course page.
import { useId, useRef, useState } from 'react';
import { linkWith } from '../state/query';
import { URL_VERSION } from '../state/schema';
import { useCurrentHref } from '../state/UrlState';
import { useClassroom } from './context';
import { classroomStrings } from './classroom.strings';
import { useLocalized } from '../i18n/define';

/** The parameters, in the order a lecturer meets them; the key names the description in the strings. */
const PARAMS = [
  ['t', 't=3'],
  ['step', 'step=2'],
  ['preset', 'preset=one-hot'],
  ['seed', 'seed=2'],
  ['gamma', 'gamma=0.5'],
  ['edit', 'edit=k3:1,0,0,0'],
  ['plane', 'k=… val=… q=…'],
  ['chapters', 'story=jg,mk_j beta=1 …'],
  ['playground', 'pg=… case=…'],
  ['trained', 'tm=deltanet tl=8 ts=3'],
  ['hide', 'hide=controls,answer'],
  ['present', 'present=1'],
  ['compute', 'compute=webgpu'],
  ['lang', 'lang=zh-TW'],
  ['v', 'v=1'],
] as const;

/** The most parts a chapter has (the page clamps a larger ?step to its own last part). */
const MAX_STEP = 99;

/** The ?step of a link (0 when it has none). */
function stepOf(href: string): number {
  const query = /\?([^#]*)/.exec(href)?.[1] ?? '';
  const n = Number(new URLSearchParams(query).get('step') ?? 0);
  return Number.isInteger(n) && n > 0 ? Math.min(MAX_STEP, n) : 0;
}

export function LecturerHelp() {
  const words = useLocalized(classroomStrings);
  const h = words.instructor.help;
  const classroom = useClassroom();
  const href = useCurrentHref();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [hideControls, setHideControls] = useState(classroom.hidden.controls);
  const [hideAnswer, setHideAnswer] = useState(classroom.hidden.answer);
  const [present, setPresent] = useState(false);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  // Its body (~120 elements in every page's footer) is laid out from the first time it is opened, not
  // as each page loads: closed, it was one of the longest layouts of a chapter's load. Set on the
  // summary's click, in the same frame as the opening; onToggle covers an opening by other means.
  const [opened, setOpened] = useState(false);
  // The part of a chapter's derivation the link opens at: the page's own (?step) until the lecturer picks one.
  const stepId = useId();
  const [pickedStep, setPickedStep] = useState<number | null>(null);
  const onChapter = /#\/chapter\//.test(href);
  const step = pickedStep ?? stepOf(href);
  const hide = [hideControls && 'controls', hideAnswer && 'answer'].filter(Boolean).join(',');
  const link = href
    ? linkWith(
        href,
        new Map([
          ['hide', hide || null],
          ['present', present ? '1' : null],
          ['step', onChapter && step > 0 ? String(step) : null],
        ]),
        URL_VERSION,
      )
    : '';
  const onCopy = () => {
    const selectIt = () => {
      field.current?.select();
      setCopy('failed');
    };
    if (!navigator.clipboard) return selectIt();
    navigator.clipboard.writeText(link).then(() => setCopy('copied'), selectIt);
  };
  const check = (label: string, checked: boolean, set: (on: boolean) => void, testId: string) => (
    <label className="lecturer-check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => {
          set(e.currentTarget.checked);
          setCopy('idle');
        }}
        data-testid={testId}
      />{' '}
      {label}
    </label>
  );
  return (
    <details className="lecturer-help" data-testid="lecturer-help" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary onClick={() => setOpened(true)}>{h.title}</summary>
      {opened && (
        <>
          <p>{h.intro}</p>
          <dl className="lecturer-params">
            {PARAMS.map(([key, example]) => (
              <div key={key}>
                <dt>
                  <code>{example}</code>
                </dt>
                <dd>{h.params[key]}</dd>
              </div>
            ))}
          </dl>
          <fieldset className="lecturer-builder">
            <legend>{h.builder}</legend>
            {check(h.hideControls, hideControls, setHideControls, 'builder-hide-controls')}
            {check(h.hideAnswer, hideAnswer, setHideAnswer, 'builder-hide-answer')}
            {check(h.present, present, setPresent, 'builder-present')}
            {onChapter && (
              <label className="lecturer-check" htmlFor={stepId}>
                {h.step}{' '}
                <input
                  id={stepId}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={MAX_STEP}
                  step={1}
                  value={step}
                  onChange={(e) => {
                    const n = Math.round(Number(e.currentTarget.value));
                    setPickedStep(Number.isFinite(n) ? Math.max(0, Math.min(MAX_STEP, n)) : 0);
                    setCopy('idle');
                  }}
                  data-testid="builder-step"
                />
              </label>
            )}
            <div className="lecturer-link">
              <label htmlFor={id} className="visually-hidden">
                {h.builder}
              </label>
              <input id={id} ref={field} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="builder-link" />
              <button type="button" onClick={onCopy} data-testid="builder-copy">
                {h.copy}
              </button>
            </div>
            <p role="status" className="muted">
              {copy === 'copied' ? h.copied : copy === 'failed' ? h.copyFailed : ''}
            </p>
          </fieldset>
        </>
      )}
    </details>
  );
}
