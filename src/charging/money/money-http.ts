import { applyDecorators } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProblemDto } from '../../common/errors/problem.dto';
import { ProblemException } from '../../common/errors/problem.exception';
import { ApiIdempotencyKey } from '../../common/idempotency/idempotent.decorator';
import type { RenderedAnswer } from '../orders/order-answers';
import { CreateRefundDto, OperationDto } from './dto/money.dto';
import type { OperationAnswer, OperationRequest } from './money.service';

// What the merchant's and the admin's money routes share: their documentation and how an answer is sent.

export const SEMANTICS =
  'Checked against the order’s money before anything is recorded or sent to Klarna. Exactly once per ' +
  'Idempotency-Key: a replay gets the first answer byte for byte with `Idempotent-Replayed: true`, the key ' +
  'with another request 422 `IDEMPOTENCY_KEY_REUSED`, while the first is in flight or its outcome unknown 409 ' +
  '`REQUEST_IN_PROGRESS`. When Klarna does not answer in time: 202 with status `unknown`; the service finishes ' +
  'it in the background with the same Klarna idempotency key.';

export const KLARNA_FAILURES = [
  ApiBadGatewayResponse({ type: ProblemDto, description: '`KLARNA_CREDENTIALS_REJECTED`' }),
  ApiServiceUnavailableResponse({
    type: ProblemDto,
    description: '`KLARNA_UNAVAILABLE`, `KLARNA_RATE_LIMITED`: nothing was sent; retry with the same key.',
  }),
  ApiNotFoundResponse({
    type: ProblemDto,
    description: 'No such order (for a merchant key: of this merchant).',
  }),
  ApiBadRequestResponse({
    type: ProblemDto,
    description: '`VALIDATION_FAILED` (also a missing Idempotency-Key)',
  }),
];

export function documented(...decorators: MethodDecorator[]): MethodDecorator {
  return (target, key, descriptor) => {
    for (const d of [...decorators, ...KLARNA_FAILURES]) d(target, key, descriptor);
  };
}

/**
 * Sets the status and headers of an operation's answer on the reply (`Idempotent-Replayed` on a replay) and returns
 * the answer, whose body the caller sends; throws the problem of a refusal for the global filter.
 */
export function prepareReply(result: OperationAnswer, reply: FastifyReply): RenderedAnswer {
  const { answer } = result;
  if (answer instanceof ProblemException) throw answer;
  void reply.status(answer.status).header('Content-Type', answer.contentType);
  for (const [name, value] of Object.entries(answer.headers ?? {})) void reply.header(name, value);
  if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
  return answer;
}

/** Plain JSON of validated lines: exactly what is stored and re-sent on every retry. */
export function plain<T>(value: T | undefined): OperationRequest['orderLines'] {
  return value === undefined
    ? undefined
    : (JSON.parse(JSON.stringify(value)) as OperationRequest['orderLines']);
}

export const refundRequest = (body: CreateRefundDto): OperationRequest => ({
  kind: 'refund',
  amount: body.amount,
  orderLines: plain(body.order_lines),
  description: body.reason,
  reference: body.reference,
});

/** The documentation of a refund route (the merchant's and the admin's). */
export const RefundDocs = (summary: string, more = ''): MethodDecorator =>
  applyDecorators(
    ApiOperation({
      summary,
      description: `Refused with 422 \`REFUND_EXCEEDS_CAPTURED\` above captured minus refunded, 409 \`REFUND_NOT_ALLOWED\` when nothing is captured. ${SEMANTICS}${more}`,
    }),
    ApiBody({
      type: CreateRefundDto,
      examples: {
        partial: { summary: 'A partial refund', value: { amount: 300, reason: 'Goodwill credit' } },
      },
    }),
    ApiIdempotencyKey(true, 'refund'),
    documented(
      ApiCreatedResponse({ type: OperationDto, description: 'Klarna refunded it.' }),
      ApiAcceptedResponse({
        type: OperationDto,
        description: 'Outcome unknown; finished in the background.',
      }),
      ApiConflictResponse({
        type: ProblemDto,
        description: '`REFUND_NOT_ALLOWED`, `ORDER_NOT_PLACED`, `REQUEST_IN_PROGRESS`, `OUTCOME_UNKNOWN`',
      }),
      ApiUnprocessableEntityResponse({
        type: ProblemDto,
        description: '`REFUND_EXCEEDS_CAPTURED`, `IDEMPOTENCY_KEY_REUSED`, `KLARNA_REJECTED`',
      }),
    ),
  );

/** The documentation of a cancel route (the merchant's and the admin's). */
export const CancelDocs = (summary: string, more = ''): MethodDecorator =>
  applyDecorators(
    ApiOperation({
      summary,
      description: `Refused with 409 \`CANCEL_NOT_ALLOWED\` once anything is captured (refund instead). ${SEMANTICS}${more}`,
    }),
    ApiIdempotencyKey(true, 'cancellation'),
    documented(
      ApiOkResponse({ type: OperationDto, description: 'Klarna canceled the order.' }),
      ApiAcceptedResponse({
        type: OperationDto,
        description: 'Outcome unknown; finished in the background.',
      }),
      ApiConflictResponse({
        type: ProblemDto,
        description: '`CANCEL_NOT_ALLOWED`, `ORDER_NOT_PLACED`, `REQUEST_IN_PROGRESS`, `OUTCOME_UNKNOWN`',
      }),
      ApiUnprocessableEntityResponse({
        type: ProblemDto,
        description: '`IDEMPOTENCY_KEY_REUSED`, `KLARNA_REJECTED`',
      }),
    ),
  );
