// Chapter 3: write key → value pairs with k, read with q. The learner drags keys on a plane; the
// read S q is written out term by term so the crosstalk of overlapping keys is visible.
import { useMemo, useState } from 'react';
import { readBreakdown } from '../../core/recall';
import { KeyPlane, ReadTerms, limitOf, type PlanePoint } from '../../viz';
import { PresetMenu, VectorEditor } from '../components/Controls';
import { MemoryLab } from '../figure/MemoryLab';
import { toSubscript } from '../figure/StepInputEditor';
import { useStrings } from '../i18n';
import { writeReadCase, writeReadPreset, type WriteReadPreset } from './presets';

export default function WriteReadChapter() {
  const { t } = useStrings();
  const ui = t.chapterUi.writeRead;
  const [preset, setPreset] = useState<WriteReadPreset>('overlapping');
  const [pairs, setPairs] = useState(() => writeReadPreset('overlapping'));
  const input = useMemo(() => writeReadCase(pairs.keys, pairs.values, pairs.query), [pairs]);
  const breakdown = useMemo(() => readBreakdown(pairs.keys, pairs.values, pairs.query), [pairs]);
  const points: PlanePoint[] = [
    ...pairs.keys.map((k, s) => ({ id: `k${s}`, label: `k${toSubscript(s + 1)}`, x: k[0], y: k[1], symbol: 'k' as const })),
    { id: 'q', label: 'q', x: pairs.query[0], y: pairs.query[1], symbol: 'q' as const },
  ];
  const move = (id: string, x: number, y: number) =>
    setPairs((p) =>
      id === 'q' ? { ...p, query: [x, y] } : { ...p, keys: p.keys.map((k, s) => (`k${s}` === id ? [x, y] : k)) },
    );
  const options = (Object.keys(ui.presets) as WriteReadPreset[]).map((id) => ({ id, label: ui.presets[id] }));
  return (
    <MemoryLab
      input={input}
      label={ui.figure}
      controls={
        <div className="write-read">
          <div className="write-read-left">
            <PresetMenu
              label={t.figure.preset}
              value={preset}
              options={options}
              onChange={(p) => {
                setPreset(p);
                setPairs(writeReadPreset(p));
              }}
            />
            <KeyPlane points={points} onMove={move} label={ui.plane} />
            <p className="muted small">{ui.plane}</p>
          </div>
          <div className="write-read-right">
            <div className="editor-grid">
              {pairs.values.map((v, s) => (
                <VectorEditor
                  key={s}
                  name={ui.value.replace('{n}', toSubscript(s + 1))}
                  value={v}
                  onChange={(next) => setPairs((p) => ({ ...p, values: p.values.map((old, i) => (i === s ? next : old)) }))}
                  testId={`edit-value-${s + 1}`}
                />
              ))}
            </div>
            <ReadTerms
              terms={breakdown.terms}
              total={breakdown.total}
              wanted={breakdown.wanted}
              crosstalk={breakdown.crosstalk}
              labels={{ ...ui, title: ui.readTitle }}
              limit={limitOf(pairs.values, [breakdown.total])}
            />
          </div>
        </div>
      }
    />
  );
}
