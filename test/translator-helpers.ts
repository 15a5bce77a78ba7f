// Volunteer translators in route tests: an account given its languages on the account's page (as an admin
// does it, so the route is exercised too), the usual desk of editor, admin and Spanish translator, the form
// token the translation pages carry, and the Spanish texts of the demo campaign the tests type.
import { expect } from 'vitest';
import { type Browser, createPerson, get, type Person, post, sessionFor } from './editor-helpers.js';
import type { TestApp } from './test-app.js';

/** Monday 23 November 2026, 09:00 UTC: where the translation tests' fake clock starts. */
export const translationDay = Date.UTC(2026, 10, 23, 9, 0);

/** The revision token of a translation form (`<input name="token">`), '' when the page has none. */
export const tokenOf = (html: string) => /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** The token of the translation form at `url` as the page gives it to `who` now. */
export const tokenAt = async (t: TestApp, url: string, who: Browser) =>
  tokenOf((await get(t.app, url, who)).body);

/** Presses a button (`intent`) of the translation form at `url` as `who`, with the token the page gives them now. */
export const press = async (
  t: TestApp,
  url: string,
  who: Browser,
  intent: string,
  fields: Record<string, string | string[]> = {},
) => post(t.app, url, who, { token: await tokenAt(t, url, who), ...fields, intent });

/** Sends the translation at `url` back to its translators with a note, as `who` (the page's token of now). */
export const sendBackAt = async (t: TestApp, url: string, who: Browser, note: string) =>
  post(t.app, `${url}/send-back`, who, { token: await tokenAt(t, url, who), note });

/** The demo campaign's texts in Spanish, every field the translation form asks for. */
export const spanishTexts = {
  headline: 'Libertad para Erlan Baltabay',
  backgroundMd: 'Erlan Baltabay es un **sindicalista** encarcelado.',
  defaultMessage: 'Le pido que libere a Erlan Baltabay.',
  targetSubject: 'Liberen a Erlan Baltabay',
  targetSalutation: 'Estimado señor o señora:',
};

/** A new translator account given these languages by the admin on the account's page (which must answer 303). */
export async function translatorOf(
  t: TestApp,
  admin: Browser,
  locale: string | string[],
  person: Parameters<typeof createPerson>[2] = {},
): Promise<Person> {
  const created = await createPerson(t, 'translator', person);
  const given = await post(t.app, `/editor/users/${created.id}/languages`, admin, { locale });
  expect(given.statusCode).toBe(303);
  return created;
}

/** An editor, an admin and a Spanish translator (translator@example.org), each signed in. */
export async function spanishDesk(
  t: TestApp,
): Promise<{ editor: Browser; admin: Browser; translator: Browser; translatorPerson: Person }> {
  const editor = await sessionFor(t, await createPerson(t, 'editor'));
  const admin = await sessionFor(t, await createPerson(t, 'admin'));
  const translatorPerson = await translatorOf(t, admin, 'es');
  return { editor, admin, translator: await sessionFor(t, translatorPerson), translatorPerson };
}

/**
 * A translation form `mine` opened before `theirs` saved `texts` over it: sending it with `field` changed
 * answers 409, keeps the input and shows the colleague's text; sending it again with the token that answer
 * carries replaces the colleague's text on purpose (303).
 */
export async function expectSavedOver(
  t: TestApp,
  url: string,
  people: { mine: Browser; theirs: Browser },
  texts: Record<string, string>,
  field: string,
): Promise<void> {
  const old = await tokenAt(t, url, people.mine);
  await press(t, url, people.theirs, 'save', texts);
  const mine = { ...texts, [field]: 'Mi versión', intent: 'save' };
  const late = await post(t.app, url, people.mine, { token: old, ...mine });
  expect(late.statusCode).toBe(409);
  expect(late.body).toContain('Someone saved this translation');
  expect(late.body).toContain('value="Mi versión"');
  expect(late.body).toContain(texts[field]);
  const again = await post(t.app, url, people.mine, { token: tokenOf(late.body), ...mine });
  expect(again.statusCode).toBe(303);
}

/**
 * A translation form at `url` given only `partial` (one field): saved as a draft (303), refused when
 * submitted (422, "Please fill this in") with what was typed kept.
 */
export async function expectIncompleteDraft(
  t: TestApp,
  url: string,
  who: Browser,
  partial: Record<string, string>,
): Promise<void> {
  expect((await press(t, url, who, 'save', partial)).statusCode).toBe(303);
  const refused = await press(t, url, who, 'submit', partial);
  expect(refused.statusCode).toBe(422);
  expect(refused.body).toContain('Please fill this in');
  for (const value of Object.values(partial)) expect(refused.body).toContain(`value="${value}"`);
}
