import { useMemo, useState } from 'react';
import { LANGS, LANG_NAMES, LangContext, loadLang, saveLang, type Lang } from './i18n';
import { siteStrings } from './shell/site.strings';
import { runStrings } from './components/run.strings';
import { routeHref } from './routes';
import { ChapterPage } from './shell/ChapterPage';
import { NotFound } from './shell/NotFound';
import { useRoute } from './shell/useRoute';
import { useDocumentTitle } from './shell/pageTitle';
import { SiteMenu } from './shell/SiteMenu';
import { useScrollFrames } from './shell/useScrollFrames';
import { LabRoute } from './pages/LabRoute';
import { Home } from './pages/Home';
import { PlaygroundRoute } from './playground';
import { TrainRoute } from './train';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Classroom, LecturerHelp, PresenterToggle, UrlNotice } from './classroom';
import { UpdateBanner } from './shell/UpdateBanner';
import { EmbedPage } from './embed/EmbedPage';
import { GlossaryRoute } from './glossary/GlossaryRoute';
import { SafeHtml } from '../viz/safeHtml';
import { SITE_MARK_SVG } from './shell/siteMark';

export function App() {
  const [lang, setLang] = useState<Lang>(loadLang);
  const route = useRoute();
  const context = useMemo(() => ({ lang }), [lang]);
  // App provides the language, so it reads its own tables directly rather than through the context.
  const site = siteStrings[lang];
  const runUi = runStrings[lang];
  useDocumentTitle(route, lang, site);
  useScrollFrames(site.scrollFrame);
  // An embed is a figure alone, for an iframe: no header, navigation or footer.
  const bare = route.page === 'embed';
  return (
    <LangContext.Provider value={context}>
      <Classroom route={route}>
      {!bare && (<>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // The hash is the route: focus the content instead of navigating to "#main".
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {site.skipToContent}
      </a>
      <header className="site-header">
        <div className="site-brand">
          <a className="site-name" href={routeHref({ page: 'home' })}>
            <SafeHtml as="span" className="site-mark-box" html={SITE_MARK_SVG} trusted />
            {site.siteName}
          </a>
          <p className="tagline">{site.tagline}</p>
        </div>
        <SiteMenu route={route} />
        <PresenterToggle />
        <label className="lang-switch">
          <span className="lang-label">{site.languageLabel}</span>{' '}
          <select
            aria-label={site.languageLabel}
            value={lang}
            onChange={(e) => {
              const next = e.target.value as Lang;
              saveLang(next);
              setLang(next);
            }}
          >
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </header>
      </>)}
      {!bare && <UpdateBanner />}
      <main id="main" tabIndex={-1}>
        <UrlNotice />
        <ErrorBoundary
          key={location.hash}
          fallback={(message) => (
            <div className="error" role="alert" data-testid="page-error">
              <strong>{runUi.errors.heading}</strong>
              <p>{message}</p>
            </div>
          )}
        >
          {route.page === 'home' && <Home />}
          {route.page === 'lab' && <LabRoute />}
          {route.page === 'playground' && <PlaygroundRoute />}
          {route.page === 'train' && <TrainRoute />}
          {route.page === 'chapter' && <ChapterPage key={route.slug} slug={route.slug} />}
          {route.page === 'glossary' && <GlossaryRoute term={route.term} />}
          {route.page === 'embed' && <EmbedPage key={route.slug} slug={route.slug} figure={route.figure} />}
          {route.page === 'not-found' && <NotFound path={route.path} />}
        </ErrorBoundary>
      </main>
      {!bare && (
        <footer className="site-footer">
          <p>{site.credit}</p>
          <LecturerHelp />
        </footer>
      )}
      </Classroom>
    </LangContext.Provider>
  );
}
