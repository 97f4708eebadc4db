// The header's presenter-mode switch, and (while presenting) the keys a lecturer can use.

import { useClassroom } from './context';
import { classroomStrings } from './classroom.strings';
import { useLocalized } from '../i18n/define';

export function PresenterToggle() {
  const classroom = useLocalized(classroomStrings);
  const { presenting, setPresenting } = useClassroom();
  return (
    <div className="presenter-toggle">
      <button
        type="button"
        aria-pressed={presenting}
        aria-keyshortcuts="P"
        title={classroom.present.hint}
        onClick={() => setPresenting(!presenting, { fullScreen: true })}
        data-presenter-toggle=""
        data-testid="presenter-toggle"
      >
        {presenting ? classroom.present.leave : classroom.present.enter}
      </button>
      {presenting && (
        <p className="presenter-keys" data-testid="presenter-keys">
          {classroom.present.keys}
        </p>
      )}
    </div>
  );
}
