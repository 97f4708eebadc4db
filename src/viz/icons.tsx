// Playback icons as inline SVG: crisp at any size and independent of which fonts carry ⏮ or ⏸.
// They inherit the text colour and are hidden from screen readers (the buttons carry the names).
const box = { width: '1em', height: '1em', viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

export const PlayIcon = () => (
  <svg {...box}>
    <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
  </svg>
);

export const PauseIcon = () => (
  <svg {...box}>
    <path d="M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z" fill="currentColor" />
  </svg>
);

export const StepBackIcon = () => (
  <svg {...box}>
    <path d="M3 2.5h2.5v11H3zM13 2.5v11L6 8z" fill="currentColor" />
  </svg>
);

export const StepForwardIcon = () => (
  <svg {...box}>
    <path d="M10.5 2.5H13v11h-2.5zM3 2.5v11L10 8z" fill="currentColor" />
  </svg>
);
