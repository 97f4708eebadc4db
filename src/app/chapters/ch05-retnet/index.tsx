// Chapter 5: RetNet. One γ fades the memory; the decay mask γ^{t−s} veils the parallel matrix. The
// preset, γ and every edited vector live in the link (?preset=…&gamma=0.5&edit=v1:1,0,0,0).
import { useMemo } from 'react';
import { decayMask } from '../../../core/parallel';
import { PresetMenu, Slider } from '../../components/Controls';
import { MemoryLab } from '../../figure/MemoryLab';
import { StepInputEditor } from '../../figure/StepInputEditor';
import { fill } from '../../i18n';
import { useEditedInput } from '../../state/useEditedInput';
import { numberIn, oneOf } from '../../state/schema';
import { useUrlParam } from '../../state/UrlState';
import { Formula } from '../../../viz';
import { RETNET_PRESETS, retnetPreset } from '../presets';
import { figureStrings } from '../../components/figure.strings';
import { ch05Strings } from './strings';
import { useLocalized } from '../../i18n/define';

/** The slider's range and resolution; a link's γ is clamped and rounded to the same. */
const GAMMA = { min: 0, max: 1, step: 0.01 };

export default function RetnetChapter() {
  const fig = useLocalized(figureStrings);
  const ui = useLocalized(ch05Strings);
  const [preset, setPreset] = useUrlParam('preset', oneOf(RETNET_PRESETS), 'random');
  const [gamma, setGamma] = useUrlParam('gamma', numberIn(GAMMA), 0.8);
  const base = useMemo(() => retnetPreset(preset, gamma), [preset, gamma]);
  const { input, setInput, clearEdits } = useEditedInput(base);
  const decay = useMemo(() => decayMask(input.q.map(() => gamma)), [input.q, gamma]);
  const options = RETNET_PRESETS.map((id) => ({ id, label: ui.presets[id] }));
  return (
    <MemoryLab
      input={input}
      decay={decay}
      label={ui.figure}
      controls={
        <>
          <PresetMenu
            label={fig.preset}
            value={preset}
            options={options}
            onChange={(p) => {
              setPreset(p);
              clearEdits();
            }}
          />
          <Slider label={<Formula tex="\gam" />} value={gamma} min={GAMMA.min} max={GAMMA.max} step={GAMMA.step} onChange={setGamma} testId="gamma" />
          <p className="muted" data-testid="memory-length">
            {gamma < 1 ? fill(ui.memoryLength, { n: (1 / (1 - gamma)).toFixed(1) }) : ui.forever}
          </p>
          <StepInputEditor input={input} onChange={setInput} />
        </>
      }
    />
  );
}
