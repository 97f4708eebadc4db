// The link notice stays short whatever the link holds: quoted names and values are clipped, and many
// unknown parameters are one line (a link is untrusted text; docs/design.md, URL state).
import { describe, expect, it } from 'vitest';
import { fill } from '../i18n';
import { urlStateStrings } from './urlState.strings';
import { noticeLines } from './noticeLines';
import type { LinkIssue } from './UrlState';

/** The notice's text as UrlNotice writes it, in one language. */
function noticeText(issues: LinkIssue[], lang: 'en' | 'zh-TW' = 'en'): string[] {
  const t = urlStateStrings[lang];
  return noticeLines(issues).map((l) => (l.kind === 'issue' ? fill(t.problems[l.code], l.values) : fill(t.unknownMany, l.values)));
}

const unknown = (param: string, text = '1'): LinkIssue => ({ param, text, problem: { code: 'unknown-param' } });

describe('the link notice is bounded', () => {
  it('a 20 KB parameter name is quoted as a few dozen characters with …', () => {
    const lines = noticeText([unknown('a'.repeat(20_000), 'x'.repeat(20_000))]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${'a'.repeat(24)}…`);
    expect(lines[0].length).toBeLessThan(120);
  });

  it('a 20 KB value of a known parameter is clipped too', () => {
    const [line] = noticeText([{ param: 'gamma', text: '9'.repeat(20_000), problem: { code: 'not-a-number' } }]);
    expect(line).toContain(`${'9'.repeat(40)}…`);
    expect(line.length).toBeLessThan(120);
  });

  it('300 unknown parameters are one line naming three of them, in both languages', () => {
    const issues = Array.from({ length: 300 }, (_, i) => unknown(`p${i}`));
    for (const lang of ['en', 'zh-TW'] as const) {
      const lines = noticeText(issues, lang);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('300');
      expect(lines[0]).toContain('p0, p1, p2, …');
      expect(lines[0].length).toBeLessThan(400);
    }
    expect(noticeText(issues)[0]).toBe('300 settings in this link are not ones this site knows (p0, p1, p2, …); they were ignored.');
  });

  it('a few unknown parameters keep a line each; other problems are never collapsed', () => {
    const few = [unknown('gama'), unknown('sed'), unknown('x')];
    expect(noticeText(few)).toHaveLength(3);
    const many = [{ param: 'gamma', text: '7', problem: { code: 'out-of-range' as const, values: { min: '0', max: '1', value: '1' } } }, ...Array.from({ length: 12 }, (_, i) => unknown(`u${i}`))];
    const lines = noticeText(many);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('gamma=7');
    expect(lines[1]).toMatch(/^12 settings/);
  });

  it('long names of hundreds of parameters still make a short notice', () => {
    const issues = Array.from({ length: 300 }, (_, i) => unknown(`${'z'.repeat(5000)}${i}`, 'v'.repeat(5000)));
    const total = noticeText(issues).join('\n').length;
    expect(total).toBeLessThan(400);
  });
});
