// The lab page: the first live model, with a button to draw new inputs. Its gate is the route's (LabRoute.tsx).
import { useState } from 'react';
import { Prose } from '../content/Prose';
import { DualView } from './DualView';
import { labStrings } from './lab.strings';
import { useLocalized } from '../i18n/define';

export function FirstLight() {
  const labUi = useLocalized(labStrings);
  const [seed, setSeed] = useState(1);
  return (
    <article className="first-light">
      <h1>{labUi.title}</h1>
      <Prose id="first-light" />
      <div className="toolbar">
        <button type="button" onClick={() => setSeed((s) => s + 1)}>
          {labUi.reseed}
        </button>
        <span className="muted" data-testid="seed">
          {labUi.seed} {seed}
        </span>
      </div>
      <DualView seed={seed} parallelBackend="webgpu" />
    </article>
  );
}
