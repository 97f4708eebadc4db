// Presenter mode's switch between a figure's parallel and recurrent view: only one fits a projected
// screen at a size the back row can read. The key V does the same (Classroom.tsx); the change is
// announced to screen readers.
import { useEffect } from 'react';
import { fill } from '../i18n';
import { TWO_VIEWS, useClassroom } from './context';
import type { PresenterView } from './context';
import { classroomStrings } from './classroom.strings';
import { useLocalized } from '../i18n/define';

export function PresenterViewSwitch({ note, views = TWO_VIEWS }: { note?: string | null; views?: readonly PresenterView[] }) {
  const classroom = useLocalized(classroomStrings);
  const p = classroom.present;
  const { presenterView, setPresenterView, offerViews } = useClassroom();
  // Key V steps through this figure's views; a view the last figure had and this one lacks falls back.
  useEffect(() => offerViews(views), [offerViews, views]);
  return (
    <div className="presenter-view-switch" data-testid="presenter-view-switch" data-view={presenterView}>
      <div role="group" aria-label={p.viewSwitch} title={p.viewSwitch}>
        {views.map((view) => (
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
