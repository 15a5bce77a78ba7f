// The renderer's launch switches: Chromium keeps only the last `--disable-features` on its command line and
// Playwright puts its own first, so the renderer's must carry Playwright's list and its own in one switch.
import { describe, expect, it } from 'vitest';
import { chromiumArgs, unusedFeatures, withMergedFeatures } from './chromium-renderer.js';

const prefix = '--disable-features=';

describe('withMergedFeatures', () => {
  it('puts every disabled feature, Playwright’s and ours, in one last switch', () => {
    const args = withMergedFeatures([...chromiumArgs, '--disable-features=Extra,WebUIOmniboxPopup']);
    const switches = args.filter((a) => a.startsWith(prefix));
    expect(switches).toHaveLength(1);
    expect(args.at(-1)).toBe(switches[0]);
    const features = switches[0]!.slice(prefix.length).split(',');
    for (const f of [...unusedFeatures, 'Extra', 'PaintHolding', 'HttpsUpgrades'])
      expect(features).toContain(f);
    expect(new Set(features).size).toBe(features.length);
    expect(args).toContain('--disable-software-rasterizer');
  });

  it('leaves switches without a feature list as they are (Playwright’s own list then applies)', () => {
    const args = ['--headless', '--disable-gpu'];
    expect(withMergedFeatures(args)).toEqual(args);
  });
});
