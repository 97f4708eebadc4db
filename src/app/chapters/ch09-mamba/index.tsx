// Chapter 9: Mamba from control theory, in four live panels that share one oscillator and one memory:
// (1) a continuous system sampled every Δ (zero-order hold), (2) S4's kernel vs its recurrence, run
// live on WebGPU and WASM, (3) selection — Δ, B, C from each token — in the Mamba-1 memory, and
// (4) the parallel scan over one entry of that memory. Δ (?dt=0.5), the S4 input, the mode, the
// scan's entry and levels, and the step are in the link.
import { useMemo } from 'react';
import { numberIn, oneOf } from '../../state/schema';
import { useUrlParam } from '../../state/UrlState';
import { useLocalized } from '../../i18n/define';
import { ConvolutionPanel } from './convolution';
import { DELTA, mambaCase, type StepMode } from './presets';
import { ScanPanel } from './scan';
import { SelectivePanel } from './selective';
import { ch09Strings } from './strings';
import { ZohPanel } from './zoh';
import { FigurePart } from '../../embed/context';
import { Staggered } from '../../shell/pageSettle';
import './mamba.css';

const MODES: readonly StepMode[] = ['selective', 'fixed'];

export default function MambaChapter() {
  const ui = useLocalized(ch09Strings);
  const [dt, setDt] = useUrlParam('dt', numberIn(DELTA), DELTA.initial);
  const [mode, setMode] = useUrlParam('mode', oneOf(MODES), 'selective');
  const input = useMemo(() => mambaCase(mode), [mode]);
  return (
    <div className="ssm-chapter" role="group" aria-label={ui.figure} data-testid="ssm-chapter">
      {/* Four panels, laid out one a frame as the chapter loads (pageSettle.tsx). */}
      <Staggered>
        <FigurePart name="zoh">
          <ZohPanel dt={dt} onDt={setDt} />
        </FigurePart>
        <FigurePart name="convolution">
          <ConvolutionPanel dt={dt} onDt={setDt} />
        </FigurePart>
        <FigurePart name="selective">
          <SelectivePanel input={input} mode={mode} onMode={setMode} />
        </FigurePart>
        <FigurePart name="scan">
          <ScanPanel input={input} />
        </FigurePart>
      </Staggered>
    </div>
  );
}
