import type { FastifyInstance } from 'fastify';
import { errorCodes } from 'fastify';

/** The largest form the portal takes (a CSRF token and little else). */
const FORM_LIMIT_BYTES = 4096;

/**
 * HTML forms (application/x-www-form-urlencoded) for the portal's pages only: the API keeps answering 415 to a
 * form body, as before.
 */
export function installPortalForms(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_LIMIT_BYTES },
    (request, body, done) => {
      if (!request.url.startsWith('/portal/')) {
        done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE('application/x-www-form-urlencoded'), undefined);
        return;
      }
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
}
