// Chapter 2: linear attention, the same numbers computed in parallel and step by step.
import { useMemo, useState } from 'react';
import { PresetMenu } from '../components/Controls';
import { MemoryLab } from '../figure/MemoryLab';
import { StepInputEditor } from '../figure/StepInputEditor';
import { useStrings } from '../i18n';
import { linearAttentionPreset, type LinearPreset } from './presets';

export default function LinearAttentionChapter() {
  const { t } = useStrings();
  const ui = t.chapterUi.linear;
  const [preset, setPreset] = useState<LinearPreset>('random');
  const [seed, setSeed] = useState(1);
  const base = useMemo(() => linearAttentionPreset(preset, seed), [preset, seed]);
  const [edited, setEdited] = useState<typeof base | null>(null);
  const input = edited ?? base;
  const options = (Object.keys(ui.presets) as LinearPreset[]).map((id) => ({ id, label: ui.presets[id] }));
  return (
    <MemoryLab
      input={input}
      label={ui.figure}
      controls={
        <>
          <PresetMenu
            label={t.figure.preset}
            value={preset}
            options={options}
            onChange={(p) => {
              setPreset(p);
              setEdited(null);
            }}
          />
          <button
            type="button"
            onClick={() => {
              setSeed((s) => s + 1);
              setEdited(null);
            }}
            data-testid="reseed"
          >
            {ui.reseed}
          </button>
          <StepInputEditor input={input} onChange={setEdited} />
        </>
      }
    />
  );
}
