import { Injectable } from '@nestjs/common';
import { ProblemException } from '../common/errors/problem.exception';
import type { ProblemDto } from '../common/errors/problem.dto';
import { DemoContext } from './demo-context';

/** Long enough for a customer-token exchange that retries Klarna a few times; the browser waits that long too. */
const TIMEOUT_MS = 30_000;

/**
 * The demo backend's HTTP client for the merchant API: exactly what a merchant's server would do, a Bearer key
 * and JSON over HTTP. An error answer is passed on to the browser as the same problem details.
 */
@Injectable()
export class MerchantApiClient {
  constructor(private readonly ctx: DemoContext) {}

  async call<T>(
    method: 'GET' | 'POST',
    path: string,
    opts: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<T> {
    const { apiUrl, merchantApiKey } = this.ctx.get();
    let res: Response;
    try {
      res = await fetch(`${apiUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${merchantApiKey}`,
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...opts.headers,
        },
        body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new ProblemException({
        status: 502,
        code: 'MERCHANT_API_UNREACHABLE',
        title: 'Bad Gateway',
        detail: `The demo backend could not reach the merchant API: ${(error as Error).message}`,
      });
    }
    const body = parseJson(await res.text());
    if (!res.ok) throw toProblem(res.status, body as Partial<ProblemDto> | undefined);
    return body as T;
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function toProblem(status: number, problem: Partial<ProblemDto> | undefined): ProblemException {
  return new ProblemException({
    status,
    code: problem?.code ?? 'MERCHANT_API_ERROR',
    title: problem?.title ?? 'Merchant API error',
    detail: problem?.detail,
    errors: problem?.errors,
    upstream: problem?.upstream,
  });
}
