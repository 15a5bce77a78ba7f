// Load shedding for a costly POST (signing), counted where it costs: a request holds a place in the
// bound only once its body has arrived, so sockets that announce a body and send nothing (130 of them made
// every supporter wait on 503s) hold none; they meet the body deadline instead (request-body.ts). Each
// client network (/24 or /64, kept as a keyed hash) may hold only a few requests at once, from head to
// answer, so one network cannot fill the bound or pile up idle connections. Loopback and private peers
// are not bounded per network: that is a proxy (without TRUST_PROXY) or a LAN, everyone behind one address.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clientNetworkKey } from '../../security/client-network.js';
import { sendError } from '../errors.js';
import type { SiteInfo } from '../views/layout.js';

export interface InFlightLimits {
  /** Requests being handled at once, bodies arrived. */
  total: number;
  /** Requests of one client network at once, from their head to their answer. */
  perNetwork: number;
}

type Hook = (req: FastifyRequest, reply: FastifyReply, done: () => void) => void;

/** The route options of one bounded route: `onRequest` (per network) and `preHandler` (the total). */
export function inFlightLimit(
  deps: { site: SiteInfo; secret: string },
  limits: InFlightLimits,
): { onRequest: Hook; preHandler: Hook } {
  let inFlight = 0;
  const perNetwork = new Map<string, number>();

  const onRequest: Hook = (req, reply, done) => {
    const key = clientNetworkKey(deps.secret, req.ip);
    if (key === undefined) {
      done();
      return;
    }
    const held = perNetwork.get(key) ?? 0;
    if (held >= limits.perNetwork) {
      sendError(req, reply, deps.site, 503);
      return;
    }
    perNetwork.set(key, held + 1);
    // 'close' comes after the answer is sent, and also when the client goes away first.
    reply.raw.once('close', () => {
      const left = (perNetwork.get(key) ?? 1) - 1;
      if (left > 0) perNetwork.set(key, left);
      else perNetwork.delete(key);
    });
    done();
  };

  // Past the bound the next one is answered 503 with Retry-After at once, before it is validated or
  // queued, so that under twice the capacity the excess costs little and the accepted ones keep their
  // latency (in flight ÷ throughput, Little's law: 128 at 5,000/s is 26 ms).
  const preHandler: Hook = (req, reply, done) => {
    if (inFlight >= limits.total) {
      sendError(req, reply, deps.site, 503);
      return;
    }
    inFlight++;
    reply.raw.once('close', () => inFlight--);
    done();
  };

  return { onRequest, preHandler };
}
