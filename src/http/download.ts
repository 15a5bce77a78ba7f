// A file the browser saves rather than shows (a CSV export, a dossier, an XLIFF file): named, typed and
// never kept by a cache, since each holds data that only the person who asked for it may see.
import type { FastifyReply } from 'fastify';

/** Sets the headers of a file download; the caller sends the body. */
export function download(reply: FastifyReply, filename: string, type: string): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .type(type);
}
