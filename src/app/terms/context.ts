// Which terms are linked now (TermLinks.tsx provides it): a figure reads it to draw what a formula's
// term points at. Empty where no chapter wraps the figure (the playground, an embed).
import { createContext, useContext } from 'react';
import type { Term } from './vocabulary';

export const LinkedTermsContext = createContext<readonly Term[]>([]);

export const useLinkedTerms = (): readonly Term[] => useContext(LinkedTermsContext);
