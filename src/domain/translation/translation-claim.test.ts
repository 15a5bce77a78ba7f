// The rules of claims (decision 0042): who may claim a language and when, who may release a claim, and the
// 14 days after which a claim lapses; and how the board shows them.
import { describe, expect, it } from 'vitest';
import {
  activeClaim,
  claimHolds,
  claimLapseMs,
  claimRefusal,
  mayRelease,
  wantsTranslator,
} from './translation-claim.js';
import { translationViewer } from './translation-steps.js';
import { boardCells, withClaims } from './view-translation-board.js';

const day = 86_400_000;
const now = Date.UTC(2026, 11, 6, 12);
const french = translationViewer({ id: 1, email: 'f@x.org', role: 'translator' }, [
  { locale: 'fr', standing: 'translator' },
]);
const colleague = translationViewer({ id: 2, email: 'g@x.org', role: 'translator' }, [
  { locale: 'fr', standing: 'translator' },
]);
const spanish = translationViewer({ id: 3, email: 's@x.org', role: 'translator' }, [
  { locale: 'es', standing: 'translator' },
]);
const frenchCoordinator = translationViewer({ id: 4, email: 'c@x.org', role: 'translator' }, [
  { locale: 'fr', standing: 'coordinator' },
]);
const editor = translationViewer({ id: 5, email: 'e@x.org', role: 'editor' }, []);
const partner = translationViewer({ id: 6, email: 'p@x.org', role: 'partner' }, []);
const claim = { locale: 'fr', userId: 1, name: 'Amélie', claimedAt: now - day };

describe('claims', () => {
  it('lapse 14 days after they were made', () => {
    expect(claimLapseMs).toBe(14 * day);
    expect(claimHolds({ claimedAt: now }, now + 14 * day - 1)).toBe(true);
    expect(claimHolds({ claimedAt: now }, now + 14 * day)).toBe(false);
    expect(activeClaim(claim, now)).toBe(claim);
    expect(activeClaim(claim, claim.claimedAt + 14 * day)).toBeUndefined();
    expect(activeClaim(undefined, now)).toBeUndefined();
  });

  it('are made on a missing or stale language, by whoever may translate it, while none holds', () => {
    const missing = { translation: null, sourceRevision: 3, claim: undefined, now };
    expect(claimRefusal(french, 'fr', missing)).toBeNull();
    expect(claimRefusal(editor, 'fr', missing)).toBeNull();
    expect(claimRefusal(spanish, 'fr', missing)).toBe('forbidden');
    expect(claimRefusal(partner, 'fr', missing)).toBe('forbidden');
    expect(claimRefusal(colleague, 'fr', { ...missing, claim })).toBe('taken');
    // A lapsed claim is as good as none.
    expect(claimRefusal(colleague, 'fr', { ...missing, claim, now: claim.claimedAt + 14 * day })).toBeNull();
    const current = { ...missing, translation: { sourceRevision: 3 } };
    expect(claimRefusal(french, 'fr', current)).toBe('not_needed');
    expect(claimRefusal(french, 'fr', { ...current, sourceRevision: 4 })).toBeNull();
    expect(wantsTranslator(undefined, 1)).toBe(true);
    expect(wantsTranslator({ sourceRevision: 0 }, 1)).toBe(false);
  });

  it('are released by their holder or a reviewer of the language, not by a colleague', () => {
    expect(mayRelease(french, claim)).toBe(true);
    expect(mayRelease(frenchCoordinator, claim)).toBe(true);
    expect(mayRelease(editor, claim)).toBe(true);
    expect(mayRelease(colleague, claim)).toBe(false);
    expect(mayRelease(spanish, claim)).toBe(false);
  });

  it('show on the board while they hold, with claim and release offered to whom they concern', () => {
    const cells = boardCells(['de', 'en', 'es', 'fr'], 'en', 2, [
      { locale: 'es', status: 'published', sourceRevision: 2, updatedAt: now, updatedBy: 'x@x.org' },
    ]);
    const seen = (viewer: typeof french, at = now) =>
      withClaims(viewer, cells, [claim], at).map((c) => [
        c.locale,
        c.claim ?? null,
        c.mayClaim,
        c.mayRelease,
      ]);
    expect(seen(colleague)).toEqual([
      ['de', null, false, false],
      ['en', null, undefined, undefined],
      ['es', null, false, false],
      ['fr', { name: 'Amélie', at: claim.claimedAt }, false, false],
    ]);
    expect(seen(french)[3]).toEqual(['fr', { name: 'Amélie', at: claim.claimedAt }, false, true]);
    // An editor may claim every missing language, not a current translation.
    expect(seen(editor).map((c) => c[2])).toEqual([true, undefined, false, false]);
    // Lapsed: missing again, and claimable.
    expect(seen(colleague, claim.claimedAt + 14 * day)[3]).toEqual(['fr', null, true, false]);
  });
});
