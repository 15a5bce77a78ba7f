// What route tests assert of a page again and again, said once: the status it answers and the texts it
// shows (each checked on its own, so a failure names the missing text).
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** The body (or any text) shows every one of `texts`. */
export function expectTexts(body: string, texts: string[]): void {
  for (const text of texts) expect(body).toContain(text);
}

/** The response answers `status` with a page that shows every one of `texts`. */
export function expectPage(res: LightMyRequestResponse, status: number, texts: string[]): void {
  expect(res.statusCode).toBe(status);
  expectTexts(res.body, texts);
}
