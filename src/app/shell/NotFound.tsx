import { fill, useStrings } from '../i18n';
import { Contents } from './Contents';

export function NotFound({ path, message }: { path: string; message?: string }) {
  const { t } = useStrings();
  return (
    <article>
      <h1>{t.nav.notFound}</h1>
      <p role="alert" data-testid="not-found">
        {message ?? fill(t.nav.notFoundBody, { path: path.slice(0, 80) })}
      </p>
      <Contents />
    </article>
  );
}
