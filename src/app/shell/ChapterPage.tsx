// One chapter: number and title, the prose, the live figure, previous / next, credit.
import { Suspense, lazy, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { findChapter, neighbours, type ChapterEntry } from '../chapters/registry';
import { Prose } from '../content/Prose';
import { trainedProseId } from '../content/loadContent';
import { EmbedCode } from '../embed/EmbedCode';
import { GlossaryTerms } from '../glossary/GlossaryTerms';
import { fill } from '../i18n';
import { routeHref } from '../routes';
import { ChapterFigure } from './ChapterFigure';
import { StepReading } from '../steps/StepReading';
import { TermLinks } from '../terms/TermLinks';
import { NotFound } from './NotFound';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ExerciseGateProvider } from '../components/AnswerGate';
import { liveSessionCount, onSessionCount } from '../../runtime/sessionCount';
import { siteStrings } from './site.strings';
import { useLocalized } from '../i18n/define';
import { SettleBelow, SettleGate, useRenderAfterTop } from './pageSettle';
import { warmRuntimeWhenMayStart } from '../hooks/runtimeStart';

// The trained-model panel (and its chart) loads only on the chapters that show one.
const TrainedPanel = lazy(() => import('../trained/TrainedPanel').then((m) => ({ default: m.TrainedPanel })));

/** Leaving a chapter frees its model sessions (through the runtime's run queue, never mid-run). */
function useReleaseOnLeave(): void {
  useEffect(
    () => () => {
      void import('../../runtime').then(({ releaseSessions }) => releaseSessions());
    },
    [],
  );
}

/** How many model sessions are alive: hidden, for tests and the curious (devtools). */
function SessionCount() {
  const n = useSyncExternalStore(onSessionCount, liveSessionCount);
  return (
    <p hidden data-testid="session-count">
      {n}
    </p>
  );
}

function ChapterLink({ chapter, rel }: { chapter?: ChapterEntry; rel: 'prev' | 'next' }) {
  const site = useLocalized(siteStrings);
  if (!chapter) return <span />;
  const title = site.chapterTitles[chapter.slug as keyof typeof site.chapterTitles];
  return (
    <a className={`chapter-link ${rel}`} rel={rel} href={routeHref({ page: 'chapter', slug: chapter.slug })}>
      <span className="muted">{rel === 'prev' ? `← ${site.nav.previous}` : `${site.nav.next} →`}</span>
      <br />
      {fill(site.nav.chapter, { n: String(chapter.number) })} · {title}
    </a>
  );
}

/** A trained model's prose and panel, under the figure: rendered once the top of the page is painted. */
function TrainedSection({ trained, slug }: { trained: NonNullable<ChapterEntry['trained']>; slug: string }) {
  if (!useRenderAfterTop()) return null;
  return (
    <ErrorBoundary fallback={(message) => <p role="alert">{message}</p>}>
      <Suspense fallback={<p className="muted">…</p>}>
        <div className="trained-section">
          <Prose id={trainedProseId(trained.task, slug)} />
          <TrainedPanel task={trained.task} model={trained.model} />
        </div>
      </Suspense>
    </ErrorBoundary>
  );
}

/**
 * What a chapter paints in two stages (pageSettle.tsx): its title and first prose as soon as they are
 * in (the largest text: Lighthouse's LCP), then the figure and the prose after it together.
 */
const CHAPTER_TOP = ['prose-before'] as const;
const CHAPTER_BELOW = ['prose-after', 'figure'] as const;

export function ChapterPage({ slug }: { slug: string }) {
  const site = useLocalized(siteStrings);
  const chapter = findChapter(slug);
  const Figure = useMemo(() => (chapter?.load ? lazy(chapter.load) : null), [chapter]);
  const figureRef = useRef<HTMLDivElement>(null);
  useReleaseOnLeave();
  // Every chapter's figure runs models: its runtime starts loading with the page, not with the figure.
  useEffect(warmRuntimeWhenMayStart, []);
  if (!chapter) return <NotFound path={`/chapter/${slug}`} />;
  if (!Figure) return <NotFound path={`/chapter/${slug}`} message={site.nav.chapterMissing} />;
  const { previous, next } = neighbours(slug);
  const title = site.chapterTitles[chapter.slug as keyof typeof site.chapterTitles];
  return (
    // One set of answer gates for the figure and the prose after it (which may explain an answer).
    <SettleGate parts={CHAPTER_TOP} below={CHAPTER_BELOW}>
    <ExerciseGateProvider>
      <article className="chapter" data-chapter={chapter.slug}>
        {/* Terms marked in the formulas and the figure parts they name light up together (src/app/terms). */}
        <TermLinks>
          <p className="chapter-number">{fill(site.nav.chapter, { n: String(chapter.number) })}</p>
          <h1>{title}</h1>
          {/* Glossary buttons on the first use of each term in the chapter (src/app/glossary). */}
          <Prose id={chapter.contentId} part="before" glossary />
          <SettleBelow>
            {/* The prose after the figure, cut into the steps that drive it (src/app/steps). */}
            <StepReading
              contentId={chapter.contentId}
              glossary
              figure={
                <>
                  <div ref={figureRef} className="chapter-figure">
                    {/* The figure's own headings (its views, its question) are h3: this keeps the outline h1 → h2 → h3. */}
                    <h2 className="visually-hidden">{site.nav.liveFigure}</h2>
                    <ChapterFigure Figure={Figure} />
                  </div>
                  <EmbedCode chapter={chapter} figureRef={figureRef} />
                </>
              }
            />
            <GlossaryTerms />
            {chapter.trained && <TrainedSection trained={chapter.trained} slug={chapter.slug} />}
            <SessionCount />
            <nav className="chapter-nav" aria-label={`${site.nav.previous} / ${site.nav.next}`}>
              <ChapterLink chapter={previous} rel="prev" />
              <ChapterLink chapter={next} rel="next" />
            </nav>
          </SettleBelow>
        </TermLinks>
      </article>
    </ExerciseGateProvider>
    </SettleGate>
  );
}
