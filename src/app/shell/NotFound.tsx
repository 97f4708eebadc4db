import { fill } from '../i18n';
import { Contents } from './Contents';
import { siteStrings } from './site.strings';
import { useLocalized } from '../i18n/define';

export function NotFound({ path, message }: { path: string; message?: string }) {
  const site = useLocalized(siteStrings);
  return (
    <article>
      <h1>{site.nav.notFound}</h1>
      <p role="alert" data-testid="not-found">
        {message ?? fill(site.nav.notFoundBody, { path: path.slice(0, 80) })}
      </p>
      <Contents />
    </article>
  );
}
