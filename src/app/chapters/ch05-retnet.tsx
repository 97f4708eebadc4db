// Chapter 5: RetNet. One γ fades the memory; the decay mask γ^{t−s} veils the parallel matrix.
import { useMemo, useState } from 'react';
import { decayMask } from '../../core/parallel';
import { PresetMenu, Slider } from '../components/Controls';
import { MemoryLab } from '../figure/MemoryLab';
import { StepInputEditor } from '../figure/StepInputEditor';
import { fill, useStrings } from '../i18n';
import { Formula } from '../../viz';
import { retnetPreset, type RetnetPreset } from './presets';

export default function RetnetChapter() {
  const { t } = useStrings();
  const ui = t.chapterUi.retnet;
  const [preset, setPreset] = useState<RetnetPreset>('random');
  const [gamma, setGamma] = useState(0.8);
  const base = useMemo(() => retnetPreset(preset, gamma), [preset, gamma]);
  const [edits, setEdits] = useState<Pick<typeof base, 'q' | 'k' | 'v'> | null>(null);
  const input = useMemo(() => (edits ? { ...base, ...edits } : base), [base, edits]);
  const decay = useMemo(() => decayMask(input.q.map(() => gamma)), [input.q, gamma]);
  const options = (Object.keys(ui.presets) as RetnetPreset[]).map((id) => ({ id, label: ui.presets[id] }));
  return (
    <MemoryLab
      input={input}
      decay={decay}
      label={ui.figure}
      controls={
        <>
          <PresetMenu
            label={t.figure.preset}
            value={preset}
            options={options}
            onChange={(p) => {
              setPreset(p);
              setEdits(null);
            }}
          />
          <Slider label={<Formula tex="\gam" />} value={gamma} min={0} max={1} step={0.01} onChange={setGamma} testId="gamma" />
          <p className="muted" data-testid="memory-length">
            {gamma < 1 ? fill(ui.memoryLength, { n: (1 / (1 - gamma)).toFixed(1) }) : ui.forever}
          </p>
          <StepInputEditor input={input} onChange={(c) => setEdits({ q: c.q, k: c.k, v: c.v })} />
        </>
      }
    />
  );
}
