// The lab page's figure: the first live model, with a button to draw new inputs. Its title and prose,
// and the gate, are the route's (LabRoute.tsx).
import { useState } from 'react';
import { DualView } from './DualView';
import { labStrings } from './lab.strings';
import { useLocalized } from '../i18n/define';

export function LabFigure() {
  const labUi = useLocalized(labStrings);
  const [seed, setSeed] = useState(1);
  return (
    <>
      <div className="toolbar">
        <button type="button" onClick={() => setSeed((s) => s + 1)}>
          {labUi.reseed}
        </button>
        <span className="muted" data-testid="seed">
          {labUi.seed} {seed}
        </span>
      </div>
      <DualView seed={seed} parallelBackend="webgpu" />
    </>
  );
}
