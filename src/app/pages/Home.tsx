// Home: what the site is, in two sentences, and one live figure.
import { Contents } from '../shell/Contents';
import { useStrings } from '../i18n';
import { routeHref } from '../routes';
import { DualView } from './DualView';

export function Home() {
  const { t } = useStrings();
  return (
    <article className="home">
      <h1>{t.siteName}</h1>
      <p className="lead">{t.home.lead}</p>
      <p className="lead">{t.home.lead2}</p>
      <p>
        <a className="button primary" href={routeHref({ page: 'chapter', slug: 'why' })}>
          {t.home.start} →
        </a>
      </p>
      <figure className="home-figure">
        <DualView seed={1} />
        <figcaption className="muted">{t.home.liveCaption}</figcaption>
      </figure>
      <Contents />
    </article>
  );
}
