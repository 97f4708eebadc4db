// Chapter 3: write key → value pairs with k, read with q. The learner drags keys on a plane; the
// read S q is written out term by term so the crosstalk of overlapping keys is visible. The preset
// and any moved key, value or query live in the link (?preset=…&k=1,0_.8,.6&val=…&q=…).
import { useMemo } from 'react';
import type { Mat } from '../../../core/linalg';
import { readBreakdown } from '../../../core/recall';
import { KeyPlane, ReadTerms, limitOf, type PlanePoint } from '../../../viz';
import { PresetMenu, VectorEditor } from '../../components/Controls';
import { MemoryLab } from '../../figure/MemoryLab';
import { toSubscript } from '../../figure/StepInputEditor';
import { optional, rows, oneOf, vector } from '../../state/schema';
import { useUrlParam } from '../../state/UrlState';
import { WRITE_READ_PRESETS, writeReadCase, writeReadPreset } from '../presets';
import { figureStrings } from '../../components/figure.strings';
import { ch03Strings } from './strings';
import { useLocalized } from '../../i18n/define';
import { fill } from '../../i18n';

/** The key plane spans ±1.5 (KeyPlane's extent): a link cannot put a key off the plane. */
const PLANE_EXTENT = 1.5;
/** Values are typed (VectorEditor's limit). */
const VALUE_LIMIT = 100;

const sameRows = (a: readonly number[][], b: readonly number[][]) =>
  a.length === b.length && a.every((row, i) => row.length === b[i].length && row.every((x, j) => x === b[i][j]));

/** null ("as the preset has it") when an edit lands back on the preset, so the link stays short. */
function unlessPreset(next: number[][], preset: Mat): number[][] | null {
  return sameRows(next, preset) ? null : next;
}

export default function WriteReadChapter() {
  const fig = useLocalized(figureStrings);
  const ui = useLocalized(ch03Strings);
  const [preset, setPreset] = useUrlParam('preset', oneOf(WRITE_READ_PRESETS), 'overlapping');
  const start = useMemo(() => writeReadPreset(preset), [preset]);
  const n = start.keys.length;
  const [movedKeys, setKeys] = useUrlParam('k', optional(rows(n, 2, { maxAbs: PLANE_EXTENT })), null);
  const [editedValues, setValues] = useUrlParam('val', optional(rows(n, start.values[0].length, { maxAbs: VALUE_LIMIT })), null);
  const [movedQuery, setQuery] = useUrlParam('q', optional(vector(2, { maxAbs: PLANE_EXTENT })), null);
  const pairs = useMemo(
    () => ({ keys: movedKeys ?? start.keys, values: editedValues ?? start.values, query: movedQuery ?? start.query }),
    [movedKeys, editedValues, movedQuery, start],
  );
  const input = useMemo(() => writeReadCase(pairs.keys, pairs.values, pairs.query), [pairs]);
  const breakdown = useMemo(() => readBreakdown(pairs.keys, pairs.values, pairs.query), [pairs]);
  const points: PlanePoint[] = [
    ...pairs.keys.map((k, s) => ({ id: `k${s}`, label: `k${toSubscript(s + 1)}`, x: k[0], y: k[1], symbol: 'k' as const })),
    { id: 'q', label: 'q', x: pairs.query[0], y: pairs.query[1], symbol: 'q' as const },
  ];
  const move = (id: string, x: number, y: number) => {
    if (id === 'q') setQuery(sameRows([[x, y]], [start.query]) ? null : [x, y]);
    else setKeys((keys) => unlessPreset((keys ?? start.keys).map((k, s) => (`k${s}` === id ? [x, y] : k)), start.keys));
  };
  const options = WRITE_READ_PRESETS.map((id) => ({ id, label: ui.presets[id] }));
  return (
    <MemoryLab
      input={input}
      label={ui.figure}
      controls={
        <div className="write-read">
          <div className="write-read-left">
            <PresetMenu
              label={fig.preset}
              value={preset}
              options={options}
              onChange={(p) => {
                setPreset(p);
                setKeys(null);
                setValues(null);
                setQuery(null);
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
                  name={fill(ui.value, { n: toSubscript(s + 1) })}
                  value={v}
                  onChange={(next) => setValues((values) => unlessPreset((values ?? start.values).map((old, i) => (i === s ? next : old)), start.values))}
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
