import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorator';
import { CurrentMerchantId } from '../../common/auth/principal';
import { ProblemDto } from '../../common/errors/problem.dto';
import { ConsentsService } from './consents.service';
import { ConsentDto, CreateConsentDto } from './dto/consent.dto';
import { ApiBodyExamples } from '../../common/openapi/body-examples';
import { CREATE_CONSENT_EXAMPLES } from '../signup.examples';

@ApiTags('consents')
@Controller('v1')
export class ConsentsController {
  constructor(private readonly consents: ConsentsService) {}

  @Post('sessions/:session_id/consents')
  @Auth('merchant')
  @ApiOperation({
    summary: "Record the consumer's consent to the session's terms",
    description: 'The server sets accepted_at and copies the terms version and content hash. Never changed.',
  })
  @ApiCreatedResponse({ type: ConsentDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: '`SESSION_COMPLETED`, `SESSION_EXPIRED`' })
  @ApiBodyExamples(CreateConsentDto, CREATE_CONSENT_EXAMPLES)
  create(
    @CurrentMerchantId() merchantId: string,
    @Param('session_id') sessionId: string,
    @Body() body: CreateConsentDto,
  ): Promise<ConsentDto> {
    return this.consents.create(merchantId, sessionId, body);
  }

  @Get('consents/:consent_id')
  @Auth('merchant')
  @ApiOperation({ summary: 'Read a consent record with its events' })
  @ApiOkResponse({ type: ConsentDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@CurrentMerchantId() merchantId: string, @Param('consent_id') id: string): Promise<ConsentDto> {
    return this.consents.get(merchantId, id);
  }
}
