// Chapter 2: linear attention, the same numbers computed in parallel and step by step. The preset,
// the seed and every edited vector live in the link (?preset=…&seed=…&edit=k1:1,0,0,0), so a shared
// link shows the same inputs.
import { useMemo } from 'react';
import { PresetMenu } from '../../components/Controls';
import { MemoryLab } from '../../figure/MemoryLab';
import { StepInputEditor } from '../../figure/StepInputEditor';
import { useEditedInput } from '../../state/useEditedInput';
import { integerIn, oneOf } from '../../state/schema';
import { useUrlParam } from '../../state/UrlState';
import { LINEAR_PRESETS, linearAttentionPreset } from '../presets';
import { figureStrings } from '../../components/figure.strings';
import { ch02Strings } from './strings';
import { useLocalized } from '../../i18n/define';

const SEEDS = { min: 1, max: 999_999 };

export default function LinearAttentionChapter() {
  const fig = useLocalized(figureStrings);
  const ui = useLocalized(ch02Strings);
  const [preset, setPreset] = useUrlParam('preset', oneOf(LINEAR_PRESETS), 'random');
  const [seed, setSeed] = useUrlParam('seed', integerIn(SEEDS), 1);
  const base = useMemo(() => linearAttentionPreset(preset, seed), [preset, seed]);
  const { input, setInput, clearEdits } = useEditedInput(base);
  const options = LINEAR_PRESETS.map((id) => ({ id, label: ui.presets[id] }));
  return (
    <MemoryLab
      input={input}
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
          <button
            type="button"
            onClick={() => {
              setSeed((s) => (s >= SEEDS.max ? SEEDS.min : s + 1));
              clearEdits();
            }}
            data-testid="reseed"
          >
            {ui.reseed}
          </button>
          <StepInputEditor input={input} onChange={setInput} />
        </>
      }
    />
  );
}
