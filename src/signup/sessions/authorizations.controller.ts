import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
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
import { AuthorizationsService } from './authorizations.service';
import { AuthorizationDto, CreateAuthorizationDto } from './dto/authorization.dto';
import { ApiBodyExamples } from '../../common/openapi/body-examples';
import { CREATE_AUTHORIZATION_EXAMPLES } from '../signup.examples';

@ApiTags('authorizations')
@Controller('v1')
export class AuthorizationsController {
  constructor(private readonly authorizations: AuthorizationsService) {}

  @Post('sessions/:session_id/authorizations')
  @Auth('merchant')
  @ApiOperation({
    summary: "Record the consumer's authorization (the result of Klarna.Payments.authorize())",
    description: 'Earlier live authorizations of the session are released at Klarna. Valid for 60 minutes.',
  })
  @ApiCreatedResponse({ type: AuthorizationDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: '`SESSION_COMPLETED`, `SESSION_EXPIRED`' })
  @ApiBodyExamples(CreateAuthorizationDto, CREATE_AUTHORIZATION_EXAMPLES)
  create(
    @CurrentMerchantId() merchantId: string,
    @Param('session_id') sessionId: string,
    @Body() body: CreateAuthorizationDto,
  ): Promise<AuthorizationDto> {
    return this.authorizations.record(merchantId, sessionId, body.authorization_token);
  }

  @Post('authorizations/:authorization_id/release')
  @Auth('merchant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Release an authorization at Klarna (the consumer dropped out)' })
  @ApiOkResponse({ type: AuthorizationDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: '`AUTHORIZATION_CONSUMED`' })
  release(
    @CurrentMerchantId() merchantId: string,
    @Param('authorization_id') id: string,
  ): Promise<AuthorizationDto> {
    return this.authorizations.release(merchantId, id);
  }
}
