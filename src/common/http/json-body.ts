import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { ProblemException } from '../errors/problem.exception';

/** Deeper JSON answers 400 JSON_TOO_DEEP; no request of the API nests more than a handful of levels. */
export const MAX_JSON_DEPTH = 32;

/** Every `application/<something>+json` (RFC 6839), with or without parameters. */
const STRUCTURED_JSON = /^application\/[\w.!#$&^-]+\+json\s*(;|$)/i;

/**
 * Whether JSON text nests deeper than `limit` objects and arrays, counting brackets outside strings in one pass
 * over the text (no allocation). Invalid JSON may pass; JSON.parse refuses it afterwards.
 */
export function jsonDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Replaces Fastify's JSON parser with one that refuses deep nesting before parsing: deep JSON is cheap to send
 * and costly everywhere after JSON.parse (validation recursed until "Maximum call stack size exceeded"), and
 * parsing happens before authentication. Keeps Fastify's body limit and its prototype-poisoning checks; an empty
 * body is no body.
 */
export function installJsonBodyParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  const parser: FastifyBodyParser<string> = (request, text, done) => {
    // Many clients send Content-Type: application/json on every request, bodiless actions (publish, cancel,
    // revoke…) included: no body is no body, as without the header (a DTO then sees `{}`).
    if (text.length === 0) {
      done(null, undefined);
      return;
    }
    if (jsonDeeperThan(text, MAX_JSON_DEPTH)) {
      done(
        new ProblemException({
          status: 400,
          code: 'JSON_TOO_DEEP',
          title: 'Bad Request',
          detail: `The request body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels.`,
        }),
        undefined,
      );
      return;
    }
    void parse(request, text, (error, body) => {
      // Fastify answers a `__proto__` or `constructor.prototype` key as "not valid JSON"; say what it is.
      if (error && isJson(text)) {
        done(
          new ProblemException({
            status: 400,
            code: 'MALFORMED_JSON',
            title: 'Bad Request',
            detail:
              'The request body has a "__proto__" or "constructor.prototype" key; such keys are refused.',
          }),
          undefined,
        );
        return;
      }
      done(error, body);
    });
  };
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, parser);
  fastify.addContentTypeParser(STRUCTURED_JSON, { parseAs: 'string' }, parser);
}

/** Whether plain JSON.parse takes the text (asked only once Fastify's parser refused it). */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
