// Presenter mode's switch between a figure's parallel and recurrent view: only one fits a projected
// screen at a size the back row can read. The key V does the same (Classroom.tsx); the change is
// announced to screen readers.
import { useStrings, fill } from '../i18n';
import { useClassroom } from './context';
import type { PresenterView } from './context';

const VIEWS: readonly PresenterView[] = ['parallel', 'recurrent'];

export function PresenterViewSwitch({ note }: { note?: string | null }) {
  const { t } = useStrings();
  const p = t.present;
  const { presenterView, setPresenterView } = useClassroom();
  return (
    <div className="presenter-view-switch" data-testid="presenter-view-switch" data-view={presenterView}>
      <div role="group" aria-label={p.viewSwitch} title={p.viewSwitch}>
        {VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            aria-pressed={presenterView === view}
            aria-keyshortcuts="V"
            onClick={() => setPresenterView(view)}
            data-view={view}
          >
            {p[view]}
          </button>
        ))}
      </div>
      {note && (
        <span className="presenter-window muted" data-num="">
          {note}
        </span>
      )}
      <p className="visually-hidden" role="status" data-testid="presenter-view-status">
        {fill(p.showing, { view: p[presenterView] })}
      </p>
    </div>
  );
}
