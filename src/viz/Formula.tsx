// KaTeX, rendered to a string once per formula; no fonts or scripts from the network.
import katex from 'katex';
import { useMemo } from 'react';
import { katexMacros } from './katexMacros';

export interface FormulaProps {
  tex: string;
  display?: boolean;
}

export function Formula({ tex, display = false }: FormulaProps) {
  const html = useMemo(
    () => katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', macros: { ...katexMacros } }),
    [tex, display],
  );
  return <span className="formula" dangerouslySetInnerHTML={{ __html: html }} />;
}
