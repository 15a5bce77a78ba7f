// Two more demo campaigns from the seeds, so the home page and archive look like the real thing: the
// Belarus petition (its government cannot be emailed: petition only, ../shared/seeds/001 and 004) and the
// closed Zhanaozen campaign with its outcome (../shared/seeds/002).
import type { NewCampaign } from '../../domain/campaign/campaign.ports.js';

export function belarusNotExtremism(now: number): NewCampaign {
  return {
    slug: 'belarus-trade-unionism-is-not-extremism',
    status: 'live',
    sourceLocale: 'en',
    deliveryMode: 'petition_only',
    startsAt: now - 20 * 86_400_000,
    endsAt: now + 70 * 86_400_000,
    translations: [
      {
        locale: 'en',
        status: 'published',
        headline: 'Belarus: Trade union activity is not extremism!',
        backgroundMd: `Thousands of Belarusians are in penal colonies and prisons because of their views and beliefs, including more than 40 leaders and activists of democratic trade unions. Union members are arrested, fired from their jobs, humiliated on video and forced to confess to "opposition activities".

Since it is impossible to send letters to the Lukashenka government by email, the signatures will be **printed and delivered by hand** to the embassies of Belarus by trade unions in each country.

We demand: free union and political prisoners; stop the repression against trade union activists; restore guarantees for the legal activity of independent trade unions.`,
        defaultMessage:
          'Free union and political prisoners. Stop the repression against trade union activists. Restore guarantees for the legal activity of independent trade unions.',
        targetSubject: 'Trade union activity is not extremism',
        outcomeMd: null,
      },
    ],
    partners: [
      { name: 'Salidarnast', url: null, logoPath: null },
      { name: 'Belarusian Congress of Democratic Trade Unions (BKDP)', url: null, logoPath: null },
    ],
    targets: [],
  };
}

export function zhanaozen(now: number): NewCampaign {
  const closed = now - 400 * 86_400_000;
  return {
    slug: 'kazakhstan-freedom-for-zhanaozen-oil-workers',
    status: 'closed',
    sourceLocale: 'en',
    startsAt: closed - 90 * 86_400_000,
    endsAt: closed,
    translations: [
      {
        locale: 'en',
        status: 'published',
        headline: 'Kazakhstan: Freedom for the imprisoned Zhanaozen oil workers',
        backgroundMd: `The strike that broke out in Zhanaozen in 2011 lasted seven months, involved thousands of workers and ended in a brutal massacre when armed police shot dead at least 16 people and wounded hundreds. Thirty-seven strikers were put on trial; many were tortured and sentenced to imprisonment.`,
        defaultMessage:
          'Release the imprisoned Zhanaozen oil workers and end the persecution of independent unions.',
        targetSubject: 'Freedom for the Zhanaozen oil workers',
        outcomeMd: `Over 11,400 letters were sent from around the world to Kazakhstan's diplomatic missions. Two of the seven jailed workers were released; three, including Rosa Tuletaeva, were transferred from prison to a colony-settlement.`,
      },
    ],
    partners: [
      { name: 'IUF', url: null, logoPath: null },
      { name: 'IndustriALL', url: null, logoPath: null },
      { name: 'Confederation of Free Trade Unions of Kazakhstan', url: null, logoPath: null },
    ],
    targets: [
      {
        kind: 'target',
        name: 'Embassy of Kazakhstan',
        organisation: 'Ministry of Foreign Affairs',
        email: 'embassy@mfa-kz.example.org',
        locale: 'en',
      },
    ],
  };
}
