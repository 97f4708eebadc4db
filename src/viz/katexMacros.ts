// KaTeX macros that colour each symbol like its figure counterpart (theme.ts), e.g. \kk → k in key blue,
// and \sym<name>{…} for any other term drawn in a symbol's colour (an LSTM gate in γ's purple:
// \symgamma{f_t}), so prose never writes a colour value of its own.
import { SYMBOL_TOKENS, symbolColor, type SymbolName } from './theme';

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
  // A macro with an argument reads every # in its body as a parameter, so the colour's # is doubled.
  ...Object.fromEntries((Object.keys(SYMBOL_TOKENS) as SymbolName[]).map((s) => [`\\sym${s}`, colored(symbolColor[s].replace('#', '##'), '#1')])),
};
