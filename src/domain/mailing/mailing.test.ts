// The mailing rules without storage: the state machine's moves, the composer's checks (header injection,
// lengths, the segment's consistency), and the templates' facts from a campaign.
import { describe, expect, it } from 'vitest';
import { buildCampaign, storedCampaign } from '../../../test/factories.js';
import { allowedActions, doneShare, isEditable, mailingSourceTag } from './mailing.js';
import { type MailingForm, readMailingForm, readSegment } from './mailing-input.js';
import { previewInput } from './mailing-preview.js';
import { templateFacts, templateSegment } from './mailing-template.js';
import { emptySegment, segmentFrom } from './segment.js';

const form = (over: Partial<MailingForm> = {}): MailingForm => ({
  kind: 'launch',
  campaignId: '3',
  sourceLocale: 'en',
  subject: '  Free Erlan  ',
  preheader: '',
  bodyMd: 'Write **now**.\r\n\r\n\r\n\r\nThanks',
  locales: ['en', 'es', 'en'],
  countries: ['br'],
  signedCampaignId: '',
  notSignedCampaignId: '',
  minCampaignsLastYear: '',
  subscribedSince: '',
  partnerId: '',
  ...over,
});

describe('mailing states', () => {
  it('offers only the moves each state allows', () => {
    expect(allowedActions('draft')).toEqual(['schedule', 'send', 'cancel']);
    expect(allowedActions('scheduled')).toEqual(['schedule', 'send', 'cancel']);
    expect(allowedActions('sending')).toEqual(['pause', 'cancel']);
    expect(allowedActions('paused')).toEqual(['resume', 'cancel']);
    expect(allowedActions('sent')).toEqual([]);
    expect(allowedActions('cancelled')).toEqual([]);
    expect(isEditable('scheduled')).toBe(true);
    expect(isEditable('paused')).toBe(false);
    expect(mailingSourceTag(12, 'es')).toBe('mailing-12-es');
    expect(doneShare({ total: 4, queued: 1, sent: 2, failed: 1, bounced: 0 })).toBe(0.75);
    expect(doneShare({ total: 0, queued: 0, sent: 0, failed: 0, bounced: 0 })).toBe(0);
  });
});

describe('the composer form', () => {
  it('normalises what it keeps', () => {
    const read = readMailingForm(form());
    expect(read.ok && read.draft).toMatchObject({
      subject: 'Free Erlan',
      bodyMd: 'Write **now**.\n\nThanks',
      campaignId: 3,
      segment: { locales: ['en', 'es'], countries: ['BR'] },
    });
  });

  it('refuses header injection, absurd lengths and inconsistent segments, all at once', () => {
    const read = readMailingForm(
      form({
        kind: 'blast',
        subject: 'Hi\r\nBcc: x@example.org',
        preheader: 'x'.repeat(201),
        bodyMd: ' ',
        locales: [],
        campaignId: '1e3',
      }),
    );
    expect(read.ok ? null : read.errors).toEqual({
      kind: 'Invalid',
      subject: 'InvalidCharacters',
      preheader: 'TooLong',
      bodyMd: 'Required',
      locales: 'Required',
      campaignId: 'Invalid',
    });
  });

  it('reads every segment condition and refuses nonsense', () => {
    const ok = readSegment({
      ...form(),
      signedCampaignId: '4',
      notSignedCampaignId: '5',
      minCampaignsLastYear: '2',
      subscribedSince: '2026-01-31',
      partnerId: '9',
    });
    expect(ok).toEqual({
      ok: true,
      segment: {
        locales: ['en', 'es'],
        countries: ['BR'],
        signedCampaignId: 4,
        notSignedCampaignId: 5,
        minCampaignsLastYear: 2,
        subscribedSince: Date.UTC(2026, 0, 31),
        partnerId: 9,
      },
    });
    const bad = readSegment({
      ...form(),
      locales: ['english'],
      countries: ['B'],
      minCampaignsLastYear: '0',
      subscribedSince: '2026-02-30',
      partnerId: '-1',
    });
    expect(bad.ok ? null : bad.errors).toEqual({
      locales: 'Invalid',
      countries: 'Invalid',
      minCampaignsLastYear: 'Invalid',
      subscribedSince: 'Invalid',
      partnerId: 'Invalid',
    });
    // A stored segment from another writer, partial or odd, reads as "no condition" where it says nothing.
    expect(segmentFrom({ locales: ['en', 7], partnerId: -2, minCampaignsLastYear: 3 })).toEqual({
      ...emptySegment(['en']),
      minCampaignsLastYear: 3,
    });
    expect(segmentFrom(null)).toEqual(emptySegment([]));
    const both = readSegment({ ...form(), signedCampaignId: '4', notSignedCampaignId: '4' });
    expect(both.ok ? null : both.errors).toEqual({ notSignedCampaignId: 'SignedAndNotSigned' });
  });
});

describe('templates and previews', () => {
  const won = storedCampaign({
    id: 1,
    slug: 'free-erlan',
    translations: [
      { ...buildCampaign().translations[0]!, headline: 'Free Erlan', outcomeMd: 'Erlan is **free**.' },
      { ...buildCampaign().translations[0]!, locale: 'tl', headline: 'Palayain si Erlan', outcomeMd: null },
      { ...buildCampaign().translations[0]!, locale: 'ar', status: 'draft', headline: 'x', outcomeMd: null },
    ],
  });
  const other = storedCampaign({ id: 2, slug: 'nurses' });
  const closed = storedCampaign({ id: 3, status: 'closed' });

  it('takes the outcome, the count, the translated languages and the other live campaigns', () => {
    const facts = templateFacts({
      kind: 'victory',
      locale: 'tl',
      campaign: won,
      count: 7000,
      live: [won, other, closed],
    });
    expect(facts).toMatchObject({
      headline: 'Palayain si Erlan',
      // The Tagalog version has no outcome yet: the source's.
      outcomeMd: 'Erlan is **free**.',
      count: 7000,
      translatedLocales: ['tl'],
      otherLive: [{ slug: 'nurses', locale: 'en', headline: 'Korea: Reinstate the dismissed nurses' }],
    });
    expect(templateSegment('urgent', 1, ['en'])).toMatchObject({ locales: ['en'], notSignedCampaignId: 1 });
    expect(templateSegment('victory', 1, ['en']).notSignedCampaignId).toBeNull();
  });

  it('previews the version readers get, with the other live campaigns linked in their language', () => {
    const input = previewInput({
      version: {
        mailingId: 5,
        kind: 'victory',
        campaignId: 1,
        locale: 'en',
        subject: 'S',
        preheader: 'P',
        bodyMd: 'B',
        isFallback: true,
      },
      locale: 'es',
      live: [won, other],
      site: { name: 'Outcry', baseUrl: 'https://x.example/' },
    });
    expect(input).toMatchObject({
      locale: 'es',
      textLocale: 'en',
      otherCampaigns: [{ url: 'https://x.example/en/campaigns/nurses' }],
      site: { baseUrl: 'https://x.example' },
    });
  });
});
