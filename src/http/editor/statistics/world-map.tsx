// The map of counted signatures by country: server-drawn SVG (shapes from world-shapes.ts), each country
// shaded by its count in five steps on a logarithmic scale (a campaign's counts span 1 to thousands, and a
// linear scale would leave all but the top country pale), with a legend and a <title> per country giving
// its name and count. The table beside it has every number, including countries too small to draw.
import type { Translator } from '../../../i18n/translator.js';
import { countryName } from './names.js';
import { worldShapes } from './world-shapes.js';

export const steps = 5;

/** Upper bounds of the shading steps for counts up to `max`, smallest first, without repeats. */
export function stepBounds(max: number): number[] {
  const out: number[] = [];
  for (let k = 1; k <= steps; k++) {
    const bound = k === steps ? max : Math.round(max ** (k / steps));
    if (bound >= 1 && bound > (out.at(-1) ?? 0)) out.push(bound);
  }
  return out;
}

/**
 * The shade (1…5) a count falls in, 0 for none. With fewer steps than shades (small counts) the steps take
 * the darkest shades, so the country with the most signatures is always drawn darkest.
 */
export function stepOf(n: number, bounds: readonly number[]): number {
  if (n <= 0) return 0;
  const i = bounds.findIndex((b) => n <= b);
  return steps - bounds.length + (i === -1 ? bounds.length : i + 1);
}

export function WorldMap({ tr, countries }: { tr: Translator; countries: { code: string; n: number }[] }) {
  const t = tr.t;
  const { width, height, shapes } = worldShapes();
  const counts = new Map(countries.map((c) => [c.code, c.n]));
  const bounds = stepBounds(Math.max(0, ...countries.map((c) => c.n)));
  const range = new Intl.NumberFormat(tr.locale);
  const withCounts = countries.filter((c) => c.code !== '').length;
  return (
    <figure class="world-map">
      <svg
        class="world-map__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="world-map-title"
        focusable="false"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id="world-map-title">{t('statistics.map.title', { countries: withCounts })}</title>
        {shapes.map((s, i) => {
          const n = counts.get(s.code) ?? 0;
          return (
            <path
              key={`${s.code}-${i}`}
              class={`world-map__land world-map__land--${stepOf(n, bounds)}`}
              d={s.d}
              data-country={s.code}
            >
              <title>
                {t('statistics.map.country', { country: countryName(tr.locale, s.code), count: n })}
              </title>
            </path>
          );
        })}
      </svg>
      <figcaption class="world-map__legend">
        <span class="world-map__legend-title">{t('statistics.map.legend')}</span>
        <ul>
          <li>
            <span class="world-map__swatch world-map__land--0" aria-hidden="true" />
            {tr.number(0)}
          </li>
          {bounds.map((b, i) => {
            const from = i === 0 ? 1 : bounds[i - 1]! + 1;
            return (
              <li key={b}>
                <span class={`world-map__swatch world-map__land--${stepOf(b, bounds)}`} aria-hidden="true" />
                {from === b ? range.format(b) : range.formatRange(from, b)}
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  );
}
