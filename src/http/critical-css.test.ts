import { describe, expect, it } from 'vitest';
import { criticalCss, extractCritical, stylesheetCached } from './critical-css.js';

describe('critical CSS', () => {
  it('joins the marked regions in file order, without comments or spare white space', () => {
    const css = `a { color: red; }
/* critical */
/* why */
.x  .y {
  margin: 0;
}
/* /critical */
.z { color: blue; }
/* critical */
@media (min-width: 64rem) {
  .x { display: grid; }
}
/* /critical */`;
    expect(extractCritical(css)).toBe('.x .y{margin: 0;}@media (min-width: 64rem){.x{display: grid;}}');
  });

  it('refuses a region left open, nested or cutting a rule in two', () => {
    expect(() => extractCritical('/* critical */ .x { }')).toThrow(/not closed/);
    expect(() => extractCritical('/* critical */ /* critical */ /* /critical */')).toThrow(/nest/);
    expect(() => extractCritical('/* critical */ .x { /* /critical */ }')).toThrow(/cuts a rule/);
  });

  it("holds what the campaign page's first screen needs from site.css, and not the rest", () => {
    const { css, cspSource } = criticalCss();
    for (const selector of [
      '.site-header{',
      '.counter__bar{',
      '.campaign{',
      '.hp, .visually-hidden{',
      '.campaign-photo{',
    ]) {
      expect(css).toContain(selector);
    }
    expect(css).not.toContain('.status__item');
    expect(css).not.toContain('/*');
    expect(cspSource).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
  });

  it('trusts only a cookie naming the current stylesheet', () => {
    expect(stylesheetCached({ css: 'abc' }, 'abc')).toBe(true);
    expect(stylesheetCached({ css: 'old' }, 'abc')).toBe(false);
    expect(stylesheetCached({}, 'abc')).toBe(false);
    expect(stylesheetCached({ css: 'abc' }, undefined)).toBe(false);
  });
});
