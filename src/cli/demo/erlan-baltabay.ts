// The demo's main campaign, from ../shared/seeds/003 (the Tagalog version as published) and the English it
// was translated from. Its six targets are rewritten to reserved example.org addresses so nothing real is
// ever mailed; the union copy address is added the same way.
import type { NewCampaign } from '../../domain/campaign/campaign.ports.js';

const backgroundEn = `Repression and violent physical attacks against leaders and activists of independent trade unions in Kazakhstan continue unabated. On 17 July 2019, Erlan Baltabay, leader of the Industrial Trade Union of Fuel and Energy Workers "Decent Work", was sentenced to 7 years in prison and a further 7-year ban on any public activity.

The union he led was dissolved by court decision amid a wider crackdown on independent union activity. Criminal proceedings against Erlan Baltabay were opened on 25 September 2018 in retaliation for his trade union activism and his principled support for other leaders of the Confederation of Independent Trade Unions of Kazakhstan (KNPRK), who have been sentenced to various restrictions of their freedom.

These proceedings, like those against KNPRK leaders Larisa Kharkova, Amin Eleusinov and Nurbek Kushakbaev, aim to silence independent union activists and deter others from playing an active part in the fight for freedom of association in the country.

**We need your support!** Please join us in calling on the Kazakh authorities to end the persecution of and violence against independent trade union leaders, and to guarantee freedom and safety for trade union activists in the country.`;

const backgroundTl = `Ang pagpigil at marahas na pisikal na pag-atake laban sa mga lider at aktibista ng mga independyenteng unyon sa Kazakhstan ay nagpapatuloy at walang humpay. Noong Hulyo 17, 2019, si Erlan Baltabay, ang pinuno ng Industrial Trade Union ng mga manggagawa sa Fuel and Energy na "Decent work" ay sinentensiyahan ng 7 taon sa bilangguan at sa isa pang 7-taong pagbabawal sa pagsasagawa ng anumang aktibidad sa publiko.

Ang trade union na pinamunuan niya ay na-dissolve sa pamamagitan ng desisyon ng hukuman sa gitna ng isang mas malawak na crackdown sa independiyenteng aktibidad ng unyon. Ang mga kriminal na paglilitis laban kay Erlan Baltabay ay binuksan noong Setyembre 25, 2018 bilang pagganti sa kanyang aktibismo sa unyon ng manggagawa at maprinsipyong posisyon sa pagsuporta ng iba pang mga lider ng Confederation of Independent Trade Unions ng Kazakhstan (KNPRK) na nahatulan ng iba't ibang limitasyon sa kanilang kalayaan.

Ang mga kriminal na paglilitis, pati na rin ang laban sa mga lider ng KNPRK na si Larisa Kharkova, Amin Eleusinov at Nurbek Kushakbaev, na naglalayong patahimikin ang mga aktibista ng mga independyenteng unyon ng manggagawa at pigilan ang iba na magsagawa ng aktibong papel sa paghingi ng kalayaan sa asosasyon sa bansa.

**Kailangan namin ang iyong suporta!** Mangyaring sumali sa amin sa pagtawag sa mga awtoridad ng Kazakh upang tapusin ang pag-uusig at karahasan laban sa mga independiyenteng lider ng unyon ng manggagawa, at upang matiyak ang kalayaan at kaligtasan para sa mga aktibista ng unyon ng manggagawa sa bansa.`;

const messageEn = `I am writing to demand the immediate release of Erlan Baltabay, leader of the Industrial Trade Union of Fuel and Energy Workers "Decent Work", sentenced on 17 July 2019 to seven years in prison for his trade union activity.

I call on the authorities of Kazakhstan to end the persecution of independent trade union leaders and activists, and to guarantee freedom of association as required by ILO Convention 87, which Kazakhstan has ratified.`;

const messageTl = `Sumusulat ako upang hilingin ang agarang pagpapalaya kay Erlan Baltabay, pinuno ng Industrial Trade Union ng mga manggagawa sa Fuel and Energy na "Decent Work", na sinentensiyahan noong Hulyo 17, 2019 ng pitong taon sa bilangguan dahil sa kanyang aktibidad sa unyon.

Nananawagan ako sa mga awtoridad ng Kazakhstan na itigil ang pag-uusig sa mga lider at aktibista ng mga independyenteng unyon, at tiyakin ang kalayaan sa asosasyon ayon sa ILO Convention 87, na niratipikahan ng Kazakhstan.`;

export function erlanBaltabay(now: number): NewCampaign {
  return {
    slug: 'kazakhstan-free-erlan-baltabay',
    status: 'live',
    sourceLocale: 'en',
    goal: 10_000,
    moreInfoUrl: 'https://www.industriall-union.org/',
    // Launched the day before the demo's three weeks of history (history.ts); three months from now left.
    startsAt: now - 22 * 86_400_000,
    endsAt: now + 87 * 86_400_000,
    translations: [
      {
        locale: 'en',
        status: 'published',
        headline: 'Kazakhstan: Erlan Baltabay sentenced to 7 years in prison for union activity',
        backgroundMd: backgroundEn,
        defaultMessage: messageEn,
        targetSubject: 'Free Erlan Baltabay',
        targetSalutation: 'Dear Sir or Madam,',
        outcomeMd: null,
      },
      {
        locale: 'tl',
        status: 'published',
        headline:
          'Kazakhstan: Erlan Baltabay sinentensiyahan ng 7 taon sa bilangguan dahil sa aktibidad ng unyon',
        backgroundMd: backgroundTl,
        defaultMessage: messageTl,
        targetSubject: 'Palayain si Erlan Baltabay',
        targetSalutation: 'Mahal na Ginoo o Ginang,',
        outcomeMd: null,
      },
    ],
    partners: [
      { name: 'International Trade Union Confederation', url: 'https://www.ituc-csi.org/', logoPath: null },
      { name: 'IndustriALL', url: 'https://www.industriall-union.org/', logoPath: null },
      {
        name: 'KNPRK - the Confederation of Independent Trade Unions of Kazakhstan',
        url: null,
        logoPath: null,
      },
    ],
    targets: [
      {
        kind: 'target',
        name: 'Press Service of the President (Akorda)',
        organisation: 'Office of the President of Kazakhstan',
        email: 'akorda.press@example.org',
        locale: 'ru',
      },
      {
        kind: 'target',
        name: 'Permanent Mission of Kazakhstan in Geneva',
        organisation: 'Ministry of Foreign Affairs',
        email: 'mission@kazakhstan-geneva.example.org',
        locale: 'en',
      },
      {
        kind: 'target',
        name: 'Consulate General in Geneva',
        organisation: 'Ministry of Foreign Affairs',
        email: 'geneva@mfa-kz.example.org',
        locale: 'en',
      },
      {
        kind: 'target',
        name: 'Permanent Mission of Kazakhstan to the United Nations',
        organisation: 'Ministry of Foreign Affairs',
        email: 'kazakhstan@un-int.example.org',
        locale: 'en',
      },
      {
        kind: 'target',
        name: 'Press Service of the Ministry of Foreign Affairs',
        organisation: 'Ministry of Foreign Affairs',
        email: 'press@mfa-kz.example.org',
        locale: 'ru',
      },
      {
        kind: 'target',
        name: 'KNPRK campaign',
        organisation: 'Confederation of Independent Trade Unions of Kazakhstan',
        email: 'knprkcampaign@example.org',
        locale: 'ru',
      },
      {
        kind: 'copy',
        name: 'IndustriALL campaign copies',
        organisation: 'IndustriALL',
        email: 'campaign-copies@industriall.example.org',
        locale: 'en',
      },
    ],
  };
}

/** The dated update on the demo page, in both of its languages (two days before the demo starts). */
export function erlanBaltabayUpdates(now: number): { day: string; locale: string; bodyMd: string }[] {
  const day = new Date(now - 2 * 86_400_000).toISOString().slice(0, 10);
  return [
    {
      day,
      locale: 'en',
      bodyMd:
        "Erlan Baltabay's appeal was rejected by the regional court. His union is taking the case to the ILO Committee on Freedom of Association: **every message to the authorities counts now.**",
    },
    {
      day,
      locale: 'tl',
      bodyMd:
        'Tinanggihan ng panrehiyong hukuman ang apela ni Erlan Baltabay. Dadalhin ng kanyang unyon ang kaso sa ILO Committee on Freedom of Association: **mahalaga ngayon ang bawat mensahe sa mga awtoridad.**',
    },
  ];
}
