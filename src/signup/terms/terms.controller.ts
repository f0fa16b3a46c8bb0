import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
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
import { CreateTermsDto, TermsDto, TermsPageDto, TermsQueryDto, UpdateTermsDto } from './dto/terms.dto';
import { TermsService } from './terms.service';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiBodyExamples } from '../../common/openapi/body-examples';
import { CREATE_TERMS_EXAMPLES, UPDATE_TERMS_EXAMPLES } from '../signup.examples';

@ApiTags('terms')
@Controller('v1/terms')
export class TermsController {
  constructor(private readonly terms: TermsService) {}

  @Post()
  @Auth('merchant')
  @Idempotent({ required: false, atomic: true, what: 'terms version' })
  @ApiOperation({ summary: 'Create the next version of a terms document, as a draft' })
  @ApiCreatedResponse({ type: TermsDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiBodyExamples(CreateTermsDto, CREATE_TERMS_EXAMPLES)
  create(@CurrentMerchantId() merchantId: string, @Body() body: CreateTermsDto): Promise<TermsDto> {
    return this.terms.create(merchantId, body);
  }

  @Get()
  @Auth('merchant')
  @ApiOperation({ summary: 'List terms versions, newest first' })
  @ApiOkResponse({ type: TermsPageDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  list(@CurrentMerchantId() merchantId: string, @Query() query: TermsQueryDto): Promise<TermsPageDto> {
    return this.terms.list(merchantId, query);
  }

  @Get(':terms_id')
  @Auth('merchant')
  @ApiOperation({ summary: 'Read one terms version' })
  @ApiOkResponse({ type: TermsDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@CurrentMerchantId() merchantId: string, @Param('terms_id') id: string): Promise<TermsDto> {
    return this.terms.get(merchantId, id);
  }

  @Patch(':terms_id')
  @Auth('merchant')
  @ApiOperation({ summary: 'Edit a draft (a published version answers 409 TERMS_PUBLISHED)' })
  @ApiOkResponse({ type: TermsDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: '`TERMS_PUBLISHED`' })
  @ApiBodyExamples(UpdateTermsDto, UPDATE_TERMS_EXAMPLES)
  update(
    @CurrentMerchantId() merchantId: string,
    @Param('terms_id') id: string,
    @Body() body: UpdateTermsDto,
  ): Promise<TermsDto> {
    return this.terms.update(merchantId, id, body);
  }

  @Post(':terms_id/publish')
  @Auth('merchant')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft; from then on it never changes (publishing again is a no-op)' })
  @ApiOkResponse({ type: TermsDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  publish(@CurrentMerchantId() merchantId: string, @Param('terms_id') id: string): Promise<TermsDto> {
    return this.terms.publish(merchantId, id);
  }
}
