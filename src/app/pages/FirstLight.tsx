// The lab page: the first live model, with a button to draw new inputs.
import { useState } from 'react';
import { Prose } from '../content/Prose';
import { useStrings } from '../i18n';
import { DualView } from './DualView';

export function FirstLight() {
  const { t } = useStrings();
  const [seed, setSeed] = useState(1);
  return (
    <article className="first-light">
      <h1>{t.lab.title}</h1>
      <Prose id="first-light" />
      <div className="toolbar">
        <button type="button" onClick={() => setSeed((s) => s + 1)}>
          {t.lab.reseed}
        </button>
        <span className="muted" data-testid="seed">
          {t.lab.seed} {seed}
        </span>
      </div>
      <DualView seed={seed} />
    </article>
  );
}
