// Embedding a chapter's figure (#/embed/<slug>[/<figure>]). A chapter's default export is its
// figure; a chapter with several (registry `figures`) wraps each in <FigurePart name>, and an embed
// of one named figure shows only that part.
import { createContext, useContext, type ReactNode } from 'react';
import { StepPartContext, useStepPartProps } from '../steps/context';

export interface EmbedState {
  /** The one figure part to show; absent: the whole figure. */
  figure?: string;
}

export const EmbedContext = createContext<EmbedState | null>(null);

/** Whether the page is an embed (no chapter around the figure). */
export function useEmbed(): EmbedState | null {
  return useContext(EmbedContext);
}

/** One named part of a chapter's figure: hidden in an embed of another part; a reading step may name it (part=…). */
export function FigurePart({ name, children }: { name: string; children: ReactNode }) {
  const embed = useEmbed();
  const part = useStepPartProps(name);
  if (embed?.figure && embed.figure !== name) return null;
  return (
    <div data-figure-part={name} {...part}>
      <StepPartContext.Provider value={name}>{children}</StepPartContext.Provider>
    </div>
  );
}
