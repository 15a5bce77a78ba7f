// The world map's shapes: Natural Earth's countries at 1:110m (world-atlas) projected with d3-geo's Natural
// Earth projection into SVG path data, once per process (the first page that needs it pays ~50 ms; every
// later one reuses the strings). Antarctica is left out: nobody signs from there and it takes a fifth of
// the height. The map is not mirrored in right-to-left pages: geography has one orientation.
import { createRequire } from 'node:module';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * world-atlas names countries by ISO 3166-1 numeric code; signatures by alpha-2. This table covers every
 * shape in countries-110m.json and was made from Debian's iso-codes (iso_3166-1.json).
 */
const numericToAlpha2 = new Map(
  (
    '004:AF 008:AL 010:AQ 012:DZ 024:AO 031:AZ 032:AR 036:AU 040:AT 044:BS 050:BD 051:AM 056:BE 064:BT 068:BO ' +
    '070:BA 072:BW 076:BR 084:BZ 090:SB 096:BN 100:BG 104:MM 108:BI 112:BY 116:KH 120:CM 124:CA 140:CF 144:LK ' +
    '148:TD 152:CL 156:CN 158:TW 170:CO 178:CG 180:CD 188:CR 191:HR 192:CU 196:CY 203:CZ 204:BJ 208:DK 214:DO ' +
    '218:EC 222:SV 226:GQ 231:ET 232:ER 233:EE 238:FK 242:FJ 246:FI 250:FR 260:TF 262:DJ 266:GA 268:GE 270:GM ' +
    '275:PS 276:DE 288:GH 300:GR 304:GL 320:GT 324:GN 328:GY 332:HT 340:HN 348:HU 352:IS 356:IN 360:ID 364:IR ' +
    '368:IQ 372:IE 376:IL 380:IT 384:CI 388:JM 392:JP 398:KZ 400:JO 404:KE 408:KP 410:KR 414:KW 417:KG 418:LA ' +
    '422:LB 426:LS 428:LV 430:LR 434:LY 440:LT 442:LU 450:MG 454:MW 458:MY 466:ML 478:MR 484:MX 496:MN 498:MD ' +
    '499:ME 504:MA 508:MZ 512:OM 516:NA 524:NP 528:NL 540:NC 548:VU 554:NZ 558:NI 562:NE 566:NG 578:NO 586:PK ' +
    '591:PA 598:PG 600:PY 604:PE 608:PH 616:PL 620:PT 624:GW 626:TL 630:PR 634:QA 642:RO 643:RU 646:RW 682:SA ' +
    '686:SN 688:RS 694:SL 703:SK 704:VN 705:SI 706:SO 710:ZA 716:ZW 724:ES 728:SS 729:SD 732:EH 740:SR 748:SZ ' +
    '752:SE 756:CH 760:SY 762:TJ 764:TH 768:TG 780:TT 784:AE 788:TN 792:TR 795:TM 800:UG 804:UA 807:MK 818:EG ' +
    '826:GB 834:TZ 840:US 854:BF 858:UY 860:UZ 862:VE 887:YE 894:ZM '
  )
    .trim()
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/**
 * Shapes without a code in the data: Kosovo has the user-assigned code XK (as in our country list);
 * Somaliland and Northern Cyprus are drawn as part of the states signers choose for them (SO, CY).
 */
const byName: Record<string, string> = { Kosovo: 'XK', Somaliland: 'SO', 'N. Cyprus': 'CY' };

export interface CountryShape {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** SVG path data in the map's units. */
  d: string;
}

export interface WorldShapes {
  width: number;
  height: number;
  shapes: CountryShape[];
}

const width = 960;
let cached: WorldShapes | undefined;

/** The projected shapes, computed on first use and kept for the life of the process. */
export function worldShapes(): WorldShapes {
  cached ??= project();
  return cached;
}

type Countries = { countries: GeometryCollection<{ name: string }> };

function project(): WorldShapes {
  const topology = createRequire(import.meta.url)('world-atlas/countries-110m.json') as Topology<Countries>;
  const all = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const coded: { code: string; f: Feature<Geometry, { name: string }> }[] = [];
  for (const f of all.features) {
    const code =
      (f.id === undefined ? undefined : numericToAlpha2.get(String(f.id))) ?? byName[f.properties.name];
    if (code && code !== 'AQ') coded.push({ code, f });
  }
  const land: FeatureCollection = { type: 'FeatureCollection', features: coded.map((c) => c.f) };
  const projection = geoNaturalEarth1().fitWidth(width, land);
  const path = geoPath(projection).digits(0);
  const [[, top], [, bottom]] = path.bounds(land);
  projection.translate([projection.translate()[0], projection.translate()[1] - top]);
  const shapes = coded
    .map(({ code, f }) => ({ code, d: path(f) ?? '' }))
    .filter((s) => s.d !== '')
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { width, height: Math.ceil(bottom - top), shapes };
}
