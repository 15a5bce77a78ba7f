// The last line against open redirects: whatever a route put in Location, only a path on this site leaves
// the server. Each redirect already builds its target from checked parts; this catches the one that does
// not (an off-site `//host` or `/\host`, or a character Node refuses in a header, which was a 500).
import type { FastifyInstance } from 'fastify';
import { errorPageHtml } from '../errors.js';
import type { SiteInfo } from '../views/layout.js';

/** A path on this site: one leading slash (not `//` or `/\`, which browsers read as another host), then
 *  printable ASCII only (no controls, spaces or raw non-ASCII: they belong percent-encoded). */
export function isSafeLocation(location: string): boolean {
  return /^\/(?![/\\])[\x21-\x7e]*$/.test(location);
}

export function registerLocationGuard(app: FastifyInstance, site: SiteInfo): void {
  app.addHook('onSend', (req, reply, payload, done) => {
    const location = reply.getHeader('location');
    if (location === undefined || (typeof location === 'string' && isSafeLocation(location))) {
      done(null, payload);
      return;
    }
    // The value itself is not logged: it came from the request and may carry a token.
    req.log.warn({ reqId: req.id, status: reply.statusCode }, 'refused an off-site or malformed Location');
    reply.removeHeader('location');
    reply.code(404).type('text/html; charset=utf-8');
    done(null, errorPageHtml(req, site, 404));
  });
}
