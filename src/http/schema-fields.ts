// The zod building blocks of every form schema. A field is a single string (a repeated field arrives as an
// array and fails, which routes answer with the 400 page), absent means empty, and `max` only stops absurd
// bodies; the real limits, with translated errors, are the domain's.
import { z } from 'zod';
import { uiLocales } from '../i18n/locales.js';

export const field = (max: number) => z.string().max(max).optional().default('');

/** One of the interface languages (an account's language, the language of an invitation mail). */
export const uiLocale = z.enum(uiLocales.map((l) => l.code) as [string, ...string[]]);
