// The header's presenter-mode switch, and (while presenting) the keys a lecturer can use.
import { useStrings } from '../i18n';
import { useClassroom } from './context';

export function PresenterToggle() {
  const { t } = useStrings();
  const { presenting, setPresenting } = useClassroom();
  return (
    <div className="presenter-toggle">
      <button
        type="button"
        aria-pressed={presenting}
        aria-keyshortcuts="P"
        title={t.present.hint}
        onClick={() => setPresenting(!presenting, { fullScreen: true })}
        data-presenter-toggle=""
        data-testid="presenter-toggle"
      >
        {presenting ? t.present.leave : t.present.enter}
      </button>
      {presenting && (
        <p className="presenter-keys" data-testid="presenter-keys">
          {t.present.keys}
        </p>
      )}
    </div>
  );
}
