// One notice for everything the link asked that the page could not do as written: each problem in
// the learner's language, and a button to put the notice away. The live region is always present so
// screen readers announce problems when they appear.
import { fill } from '../i18n';
import { noticeLines } from './noticeLines';
import { useLinkIssues } from './UrlState';
import { urlStateStrings } from './urlState.strings';
import { useLocalized } from '../i18n/define';

export function UrlNotice() {
  const urlUi = useLocalized(urlStateStrings);
  const { issues, dismiss } = useLinkIssues();
  return (
    <div role="status" className="url-notice-region">
      {issues.length > 0 && (
        <div className="notice url-notice" data-testid="url-notice">
          <p>
            <strong>{urlUi.heading}</strong>
          </p>
          <ul>
            {noticeLines(issues).map((line) =>
              line.kind === 'issue' ? (
                <li key={line.key} data-param={line.param} data-problem={line.code}>
                  {fill(urlUi.problems[line.code], line.values)}
                </li>
              ) : (
                <li key={line.key} data-problem="unknown-param" data-count={line.values.n}>
                  {fill(urlUi.unknownMany, line.values)}
                </li>
              ),
            )}
          </ul>
          <button type="button" onClick={dismiss} data-testid="url-notice-dismiss">
            {urlUi.dismiss}
          </button>
        </div>
      )}
    </div>
  );
}
