// "A new version of the course is ready — Reload": shown when the service worker has a newer build
// waiting (src/app/shell/updates.ts). The status region is always present so the news is announced.
import { useLocalized } from '../i18n/define';
import { applyUpdate, useUpdateReady } from './updates';
import './updates.css';
import { updateStrings } from './updates.strings';

export function UpdateBanner() {
  const ui = useLocalized(updateStrings);
  const ready = useUpdateReady();
  return (
    <div role="status" className="update-region">
      {ready && (
        <div className="notice update-banner" data-testid="update-banner">
          <span>{ui.ready}</span>{' '}
          <button type="button" onClick={applyUpdate} data-testid="update-reload">
            {ui.reload}
          </button>
        </div>
      )}
    </div>
  );
}
