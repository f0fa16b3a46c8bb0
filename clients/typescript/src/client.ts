import { randomUUID } from 'node:crypto';
import createClient, {
  type Client,
  type ClientPathsWithMethod,
  type FetchResponse,
  type MaybeOptionalInit,
  type Middleware,
} from 'openapi-fetch';
import { idempotentPosts, type paths } from './generated/autopay-api';
import { AutopayConnectionError, AutopayProblemError } from './problem';
import { retryingFetch, type RetryOptions } from './retry';

export interface AutopayClientOptions {
  /** A merchant (or admin) API key, sent as `Authorization: Bearer <key>`. */
  apiKey: string;
  /** Where Autopay runs, e.g. `https://autopay.example` (no trailing `/v1`). */
  baseUrl: string;
  /** Retries of safe requests (reads, and creating POSTs with their Idempotency-Key). */
  retry?: RetryOptions;
  /** Per attempt; a timed-out safe request is retried. Default 60 000 ms. */
  timeoutMs?: number;
  /** Makes the Idempotency-Key of a creating POST that the caller sent none for. Default: a random UUID. */
  idempotencyKey?: () => string;
  /** Custom fetch (tests, proxies). Default: the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /** Sent as User-Agent, after `autopay-client-typescript/<version>`. */
  userAgent?: string;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Raw = Client<paths>;
/** The API paths that have an operation for `M`. */
export type PathsWith<M extends Method> = ClientPathsWithMethod<Raw, M>;
/** The request options of an operation: `params` (path, query, header) and `body`, as the spec types them. */
export type RequestInit<P extends PathsWith<M>, M extends Method> = MaybeOptionalInit<paths[P], M>;
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** The options argument, optional when the operation needs neither parameters nor a body. */
type InitArgs<Init> = RequiredKeys<Init> extends never ? [init?: Init] : [init: Init];
/** The operation of a path and method (the spec's types mark absent methods `never`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- openapi-fetch's own constraint on operations
type Operation<P extends keyof paths, M extends Method> = Extract<paths[P][M], Record<string | number, any>>;
/** The success body of an operation. */
export type ResponseBody<P extends PathsWith<M>, M extends Method, Init = object> = NonNullable<
  FetchResponse<Operation<P, M>, Init, `${string}/${string}`>['data']
>;

/** The list operations: a GET answering `{ data: [...], next_cursor }` and taking a `cursor`. */
export type ListPath = {
  [P in PathsWith<'get'>]: ResponseBody<P, 'get'> extends { data: unknown[]; next_cursor: string | null }
    ? P
    : never;
}[PathsWith<'get'>];
/** One item of a list operation. */
export type ListItem<P extends ListPath> =
  ResponseBody<P, 'get'> extends { data: (infer Item)[] } ? Item : never;

const VERSION = '0.1.0';
const IDEMPOTENT_POSTS: ReadonlySet<string> = new Set(idempotentPosts);

/**
 * The Autopay API, typed from its OpenAPI spec. `get`/`post`/`put`/`patch`/`delete` return the success body and
 * throw {@link AutopayProblemError} for an error answer (or {@link AutopayConnectionError} when none came);
 * `list` iterates every item of a list operation across its pages. `raw` is the underlying openapi-fetch client
 * (same authentication, Idempotency-Keys and retries) for when you need the response itself: it returns
 * `{ data, error, response }` and never throws for an error answer.
 *
 * Every creating POST that honours an Idempotency-Key gets one: yours when you pass it
 * (`params.header['Idempotency-Key']`, required by the spec where the request can charge the consumer), else a
 * random one. Reads, and those POSTs with their key, are retried after a network error or timeout,
 * 409 `REQUEST_IN_PROGRESS` and 5xx, with the same key, so a replay returns the first answer instead of acting
 * twice. Other requests are sent once.
 */
export class AutopayClient {
  readonly raw: Raw;

  constructor(options: AutopayClientOptions) {
    const retryable = new WeakSet<Request>();
    const makeKey = options.idempotencyKey ?? randomUUID;
    const idempotency: Middleware = {
      onRequest({ request, schemaPath }) {
        if (request.method === 'GET' || request.method === 'HEAD') {
          retryable.add(request);
        } else if (request.method === 'POST' && IDEMPOTENT_POSTS.has(schemaPath)) {
          if (!request.headers.has('idempotency-key')) request.headers.set('Idempotency-Key', makeKey());
          retryable.add(request);
        }
        return undefined;
      },
    };
    const fetchImpl = options.fetch ?? ((request: Request) => globalThis.fetch(request));
    this.raw = createClient<paths>({
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      headers: {
        authorization: `Bearer ${options.apiKey}`,
        'user-agent': [`autopay-client-typescript/${VERSION}`, options.userAgent].filter(Boolean).join(' '),
      },
      fetch: retryingFetch(fetchImpl, (request) => retryable.has(request), {
        ...options.retry,
        timeoutMs: options.timeoutMs ?? 60_000,
      }),
    });
    this.raw.use(idempotency);
  }

  get<P extends PathsWith<'get'>, I extends RequestInit<P, 'get'>>(
    path: P,
    ...init: InitArgs<I>
  ): Promise<ResponseBody<P, 'get', I>> {
    return this.call('GET', path, init[0]);
  }

  post<P extends PathsWith<'post'>, I extends RequestInit<P, 'post'>>(
    path: P,
    ...init: InitArgs<I>
  ): Promise<ResponseBody<P, 'post', I>> {
    return this.call('POST', path, init[0]);
  }

  put<P extends PathsWith<'put'>, I extends RequestInit<P, 'put'>>(
    path: P,
    ...init: InitArgs<I>
  ): Promise<ResponseBody<P, 'put', I>> {
    return this.call('PUT', path, init[0]);
  }

  patch<P extends PathsWith<'patch'>, I extends RequestInit<P, 'patch'>>(
    path: P,
    ...init: InitArgs<I>
  ): Promise<ResponseBody<P, 'patch', I>> {
    return this.call('PATCH', path, init[0]);
  }

  delete<P extends PathsWith<'delete'>, I extends RequestInit<P, 'delete'>>(
    path: P,
    ...init: InitArgs<I>
  ): Promise<ResponseBody<P, 'delete', I>> {
    return this.call('DELETE', path, init[0]);
  }

  /**
   * Every item of a list operation, page after page (following `next_cursor` until it is null), fetched as the
   * loop asks for them. Filters and `limit` (the page size) go in `params.query` as for `get`.
   *
   * ```ts
   * for await (const token of autopay.list('/v1/customer-tokens', { params: { query: { status: 'active' } } })) { … }
   * ```
   */
  async *list<P extends ListPath, I extends RequestInit<P, 'get'>>(
    path: P,
    ...init: InitArgs<I>
  ): AsyncGenerator<ListItem<P>, void, undefined> {
    const options = (init[0] ?? {}) as { params?: { query?: Record<string, unknown> } };
    let cursor = options.params?.query?.cursor as string | undefined;
    do {
      const query = { ...options.params?.query, cursor };
      const page = await this.call<{ data: ListItem<P>[]; next_cursor: string | null }>('GET', path, {
        ...options,
        params: { ...options.params, query },
      });
      yield* page.data;
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  }

  private async call<T>(method: Uppercase<Method>, path: string, init: unknown): Promise<T> {
    const send = this.raw[method] as (
      path: string,
      init: unknown,
    ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
    let result;
    try {
      result = await send(path, init);
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') throw error;
      throw new AutopayConnectionError(
        `${method} ${path}: no answer from Autopay (${(error as Error).message})`,
        { cause: error },
      );
    }
    if (!result.response.ok) {
      throw new AutopayProblemError(result.response.status, result.error, result.response.headers);
    }
    return result.data as T;
  }
}

/** Shorthand for `new AutopayClient(options)`. */
export function createAutopayClient(options: AutopayClientOptions): AutopayClient {
  return new AutopayClient(options);
}
