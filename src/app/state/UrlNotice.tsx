// One notice for everything the link asked that the page could not do as written: each problem in
// the learner's language, and a button to put the notice away. The live region is always present so
// screen readers announce problems when they appear.
import { fill, useStrings } from '../i18n';
import { useLinkIssues } from './UrlState';

export function UrlNotice() {
  const { t } = useStrings();
  const { issues, dismiss } = useLinkIssues();
  return (
    <div role="status" className="url-notice-region">
      {issues.length > 0 && (
        <div className="notice url-notice" data-testid="url-notice">
          <p>
            <strong>{t.urlState.heading}</strong>
          </p>
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.param}:${issue.problem.code}`} data-param={issue.param} data-problem={issue.problem.code}>
                {fill(t.urlState.problems[issue.problem.code], { param: issue.param, text: issue.text, ...issue.problem.values })}
              </li>
            ))}
          </ul>
          <button type="button" onClick={dismiss} data-testid="url-notice-dismiss">
            {t.urlState.dismiss}
          </button>
        </div>
      )}
    </div>
  );
}
