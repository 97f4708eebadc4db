// "Copy embed code": an <iframe> of this chapter's figure (or one named part of it) with the link's
// current state, for a course page or slides. Shown under the figure on every chapter page.
import { useId, useRef, useState, type RefObject } from 'react';
import type { ChapterEntry } from '../chapters/registry';
import { fill } from '../i18n';
import { useLocalized } from '../i18n/define';
import { routeHref } from '../routes';
import { embedStrings } from './embed.strings';
import { partLabel } from './EmbedPage';
import './embed.css';
import { siteStrings } from '../shell/site.strings';

/** Room for the embed's own padding and its source line under the figure (px). */
const FRAME_EXTRA = 48;
const MIN_HEIGHT = 320;

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The iframe markup for an embed of `hash` (an #/embed/… route) with the page's current query. */
export function iframeCode(href: string, hash: string, height: number, title: string): string {
  const url = new URL(href);
  url.hash = hash;
  return `<iframe src="${escapeAttr(url.href)}" width="100%" height="${Math.round(height)}" title="${escapeAttr(title)}" loading="lazy" style="border:0"></iframe>`;
}

export function EmbedCode({ chapter, figureRef }: { chapter: ChapterEntry; figureRef: RefObject<HTMLElement | null> }) {
  const site = useLocalized(siteStrings);
  const ui = useLocalized(embedStrings);
  const id = useId();
  const [part, setPart] = useState('');
  const [copy, setCopy] = useState<{ state: 'idle' | 'copied' | 'failed'; code: string }>({ state: 'idle', code: '' });
  const field = useRef<HTMLTextAreaElement>(null);

  const onCopy = () => {
    const root = figureRef.current;
    const shown = (part && root?.querySelector<HTMLElement>(`[data-figure-part="${part}"]`)) || root;
    const height = Math.max(MIN_HEIGHT, Math.ceil(shown?.getBoundingClientRect().height ?? 0) + FRAME_EXTRA);
    const chapterTitle = `${fill(site.nav.chapter, { n: String(chapter.number) })} · ${site.chapterTitles[chapter.slug as keyof typeof site.chapterTitles]}`;
    const title = `${site.siteName} — ${part ? `${chapterTitle} · ${partLabel(ui, part)}` : chapterTitle}`;
    const code = iframeCode(location.href, routeHref({ page: 'embed', slug: chapter.slug, figure: part || undefined }), height, title);
    const failed = () => {
      setCopy({ state: 'failed', code });
      requestAnimationFrame(() => field.current?.select());
    };
    if (!navigator.clipboard) return failed();
    navigator.clipboard.writeText(code).then(() => setCopy({ state: 'copied', code }), failed);
  };

  return (
    <div className="embed-code" data-testid="embed-code">
      {chapter.figures && (
        <label>
          {ui.which}{' '}
          <select
            value={part}
            onChange={(e) => {
              setPart(e.currentTarget.value);
              setCopy({ state: 'idle', code: '' });
            }}
            data-testid="embed-part"
          >
            <option value="">{ui.whole}</option>
            {chapter.figures.map((name) => (
              <option key={name} value={name}>
                {partLabel(ui, name)}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" onClick={onCopy} data-testid="embed-copy">
        {ui.copy}
      </button>
      <p role="status" className="muted" data-testid="embed-status">
        {copy.state === 'copied' ? ui.copied : copy.state === 'failed' ? ui.copyFailed : ''}
      </p>
      {copy.state === 'failed' && (
        <>
          <label htmlFor={id} className="visually-hidden">
            {ui.code}
          </label>
          <textarea id={id} ref={field} readOnly value={copy.code} data-testid="embed-code-text" />
        </>
      )}
    </div>
  );
}
