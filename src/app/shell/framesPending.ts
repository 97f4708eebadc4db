/**
 * On <html> while wide frames in parts of the page the browser skips (content-visibility: auto) wait
 * to be measured (useScrollFrames.ts). The end-to-end tests wait for it to go before they check a
 * frame's keyboard stop or run axe.
 */
export const FRAMES_PENDING_ATTRIBUTE = 'data-scroll-frames-pending';
