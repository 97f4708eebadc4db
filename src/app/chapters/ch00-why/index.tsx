// Chapter 0: why look beyond attention. The learner measures, in their own browser, how the time of
// softmax attention and of a recurrent memory grows with T, beside the bytes each must keep; then
// predicts how much larger the score matrix is than the memory. The longest T measured is in the
// link (?len=1024); the measured times are this browser's own, so a link cannot carry them.
import { scoreMatrixFloats, stateFloats, kvCacheFloats, floatBytes } from '../../../core/cost';
import { formatBytes, formatCount } from '../../../viz/units';
import { PredictReveal } from '../../components/PredictReveal';
import { CostLab } from './CostLab';
import { fill, useStrings } from '../../i18n';
import { useLocalized } from '../../i18n/define';
import { oneOf, type Schema } from '../../state/schema';
import { useUrlParam } from '../../state/UrlState';
import { COST_WIDTHS, DEFAULT_LONGEST_T, LONGEST_T_CHOICES, PREDICT_T, type LongestT } from './presets';
import { ch00Strings } from './strings';

/** The select's lengths, by their digits. */
const LONGEST_TEXT = oneOf(LONGEST_T_CHOICES.map(String));
const LONGEST: Schema<LongestT> = {
  parse: (text) => {
    const r = LONGEST_TEXT.parse(text);
    return r.ok ? { ...r, value: Number(r.value) as LongestT } : r;
  },
  format: String,
};

export default function WhyChapter() {
  const { lang } = useStrings();
  const ui = useLocalized(ch00Strings);
  const count = (n: number) => formatCount(n, lang);
  const [longest, setLongest] = useUrlParam('len', LONGEST, DEFAULT_LONGEST_T);
  const T = PREDICT_T;
  const d = COST_WIDTHS.dk;
  const scores = scoreMatrixFloats(T);
  const state = stateFloats(COST_WIDTHS);
  const kv = kvCacheFloats(T, COST_WIDTHS);
  const ratio = scores / state;
  // Wrong answers a learner might reach for: d, T / d (the cache per state, roughly), T.
  const choices = [d, T / d, T, ratio].map((n) => ({ id: String(n), label: `${count(n)}×` }));
  return (
    <>
      <CostLab longest={longest} onLongest={setLongest} answerGate="why" />
      <PredictReveal
        exercise="why"
        question={fill(ui.predict.question, { T: count(T), d: String(d) })}
        choices={choices}
        explanation={
          <p>
            {fill(ui.predict.explanation, {
              scores: count(scores),
              scoreBytes: formatBytes(floatBytes(scores)),
              state: count(state),
              stateBytes: formatBytes(floatBytes(state)),
              ratio: count(ratio),
              kvBytes: formatBytes(floatBytes(kv)),
              kvRatio: count(kv / state),
            })}
          </p>
        }
      />
    </>
  );
}
