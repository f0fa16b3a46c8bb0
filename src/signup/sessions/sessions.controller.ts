import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import { CurrentMerchantId } from '../../common/auth/principal';
import { ProblemDto } from '../../common/errors/problem.dto';
import { CreateSessionDto, SessionDto, UpdateSessionDto } from './dto/session.dto';
import { SessionsService } from './sessions.service';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiBodyExamples } from '../../common/openapi/body-examples';
import { CREATE_SESSION_EXAMPLES, UPDATE_SESSION_EXAMPLES } from '../signup.examples';

const KLARNA_REJECTED = { type: ProblemDto, description: '`KLARNA_REJECTED`: Klarna refused the data.' };
const KLARNA_FAILED = { type: ProblemDto, description: '`KLARNA_ERROR`, `KLARNA_CREDENTIALS_REJECTED`.' };

@ApiTags('sessions')
@Controller('v1/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  @Auth('merchant')
  @Idempotent({ required: false, what: 'session' })
  @ApiOperation({
    summary: 'Open a Klarna session for a sign-up',
    description:
      "The order is checked locally with Klarna's rules first; every bad field is reported at once and Klarna " +
      'is not called for an invalid order.',
  })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: '`VALIDATION_FAILED` with every bad field.' })
  @ApiConflictResponse({ type: ProblemDto, description: '`KLARNA_NOT_CONFIGURED`' })
  @ApiUnprocessableEntityResponse(KLARNA_REJECTED)
  @ApiBadGatewayResponse(KLARNA_FAILED)
  @ApiBodyExamples(CreateSessionDto, CREATE_SESSION_EXAMPLES)
  create(@CurrentMerchantId() merchantId: string, @Body() body: CreateSessionDto): Promise<SessionDto> {
    return this.sessions.create(merchantId, body);
  }

  @Get(':session_id')
  @Auth('merchant')
  @ApiOperation({ summary: 'Read a session with its terms and current authorization' })
  @ApiOkResponse({ type: SessionDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@CurrentMerchantId() merchantId: string, @Param('session_id') id: string): Promise<SessionDto> {
    return this.sessions.get(merchantId, id);
  }

  @Patch(':session_id')
  @Auth('merchant')
  @ApiOperation({
    summary: 'Change the cart or consumer data (forwarded to Klarna)',
    description: 'An authorization recorded before the change becomes `stale` and is released at Klarna.',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: '`SESSION_COMPLETED`, `SESSION_EXPIRED`' })
  @ApiUnprocessableEntityResponse(KLARNA_REJECTED)
  @ApiBadGatewayResponse(KLARNA_FAILED)
  @ApiBodyExamples(UpdateSessionDto, UPDATE_SESSION_EXAMPLES)
  update(
    @CurrentMerchantId() merchantId: string,
    @Param('session_id') id: string,
    @Body() body: UpdateSessionDto,
  ): Promise<SessionDto> {
    return this.sessions.update(merchantId, id, body);
  }
}
