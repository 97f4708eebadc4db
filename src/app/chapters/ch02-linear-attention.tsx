// Chapter 2: linear attention, the same numbers computed in parallel and step by step. The preset,
// the seed and every edited vector live in the link (?preset=…&seed=…&edit=k1:1,0,0,0), so a shared
// link shows the same inputs.
import { useMemo } from 'react';
import { PresetMenu } from '../components/Controls';
import { MemoryLab } from '../figure/MemoryLab';
import { StepInputEditor } from '../figure/StepInputEditor';
import { useStrings } from '../i18n';
import { applyEdits, diffEdits } from '../state/edits';
import { integerIn, oneOf, rowEdits, type RowEdit } from '../state/schema';
import { useUrlParam } from '../state/UrlState';
import { LINEAR_PRESETS, linearAttentionPreset } from './presets';

const NO_EDITS: RowEdit[] = [];
const SEEDS = { min: 1, max: 999_999 };

export default function LinearAttentionChapter() {
  const { t } = useStrings();
  const ui = t.chapterUi.linear;
  const [preset, setPreset] = useUrlParam('preset', oneOf(LINEAR_PRESETS), 'random');
  const [seed, setSeed] = useUrlParam('seed', integerIn(SEEDS), 1);
  const base = useMemo(() => linearAttentionPreset(preset, seed), [preset, seed]);
  const [edits, setEdits] = useUrlParam('edit', rowEdits({ T: base.q.length, d: { q: base.q[0].length, k: base.k[0].length, v: base.v[0].length } }), NO_EDITS);
  const input = useMemo(() => applyEdits(base, edits), [base, edits]);
  const options = LINEAR_PRESETS.map((id) => ({ id, label: ui.presets[id] }));
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
              setEdits(NO_EDITS);
            }}
          />
          <button
            type="button"
            onClick={() => {
              setSeed((s) => (s >= SEEDS.max ? SEEDS.min : s + 1));
              setEdits(NO_EDITS);
            }}
            data-testid="reseed"
          >
            {ui.reseed}
          </button>
          <StepInputEditor input={input} onChange={(next) => setEdits(diffEdits(base, next))} />
        </>
      }
    />
  );
}
