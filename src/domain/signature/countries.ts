// ISO 3166-1 alpha-2 codes offered in the country select. Names come from Intl.DisplayNames in the page's
// language, so no name list needs translating here.
export const countryCodes = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
  'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
  'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
  'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

const known = new Set(countryCodes);

export const isCountryCode = (code: string): boolean => known.has(code);

/** A sensible preselection from the page language's region, if it names one ("pt-BR" → BR, "tl" → PH). */
const defaultRegion: Record<string, string> = {
  tl: 'PH',
  fil: 'PH',
  ko: 'KR',
  ja: 'JP',
  uk: 'UA',
  kk: 'KZ',
  be: 'BY',
  hy: 'AM',
  fa: 'IR',
  id: 'ID',
  tr: 'TR',
  pl: 'PL',
};

export function countryForLocale(locale: string): string | undefined {
  const region = locale.split('-')[1]?.toUpperCase();
  if (region && known.has(region)) return region;
  return defaultRegion[locale.split('-')[0]!];
}
