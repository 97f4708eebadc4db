// KaTeX macros that colour each symbol like its figure counterpart (theme.ts), e.g. \kk → k in key blue.
import { symbolColor } from './theme';

const colored = (color: string, body: string) => `\\textcolor{${color}}{${body}}`;

export const katexMacros: Record<string, string> = {
  '\\kk': colored(symbolColor.k, 'k'),
  '\\qq': colored(symbolColor.q, 'q'),
  '\\vv': colored(symbolColor.v, 'v'),
  '\\KK': colored(symbolColor.k, 'K'),
  '\\QQ': colored(symbolColor.q, 'Q'),
  '\\VV': colored(symbolColor.v, 'V'),
  '\\gam': colored(symbolColor.gamma, '\\gamma'),
  '\\bet': colored(symbolColor.beta, '\\beta'),
  '\\alp': colored(symbolColor.gamma, '\\alpha'), // a forget gate written α (Gated DeltaNet), coloured like γ
};
