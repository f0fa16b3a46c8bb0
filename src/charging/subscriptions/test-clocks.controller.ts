import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { PageQueryDto } from '../../common/pagination/pagination';
import {
  AdvanceTestClockDto,
  CreateTestClockDto,
  DeletedTestClockDto,
  TestClockDto,
  TestClockPageDto,
} from './dto/test-clock.dto';
import { TestClocksService } from './test-clocks.service';
import { ApiBodyExamples } from '../../common/openapi/body-examples';
import { ADVANCE_TEST_CLOCK_EXAMPLES, CREATE_TEST_CLOCK_EXAMPLES } from '../charging.examples';

const LIVE = '`TEST_CLOCK_LIVE_CREDENTIALS` (live Klarna credentials), `KLARNA_NOT_CONFIGURED`';

@ApiTags('test clocks')
@Controller('v1/test-clocks')
export class TestClocksController {
  constructor(private readonly testClocks: TestClocksService) {}

  @Post()
  @Auth('merchant')
  @Idempotent({ required: false, what: 'test clock' })
  @ApiBodyExamples(CreateTestClockDto, CREATE_TEST_CLOCK_EXAMPLES)
  @ApiOperation({
    summary: 'Create a test clock',
    description:
      'Subscriptions created with `test_clock` live on its frozen time instead of the real one: their schedule, ' +
      'charges, retries, token checks and events. Only for merchants whose Klarna credentials are not live. With ' +
      "the Klarna emulator, Klarna's time is moved forward to the clock's (see docs/test-clocks.md).",
  })
  @ApiCreatedResponse({ type: TestClockDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: LIVE })
  create(@CurrentMerchantId() merchantId: string, @Body() body: CreateTestClockDto): Promise<TestClockDto> {
    return this.testClocks.create(merchantId, body);
  }

  @Get()
  @Auth('merchant')
  @ApiOperation({ summary: 'List test clocks, newest first' })
  @ApiOkResponse({ type: TestClockPageDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  list(@CurrentMerchantId() merchantId: string, @Query() query: PageQueryDto): Promise<TestClockPageDto> {
    return this.testClocks.list(merchantId, query);
  }

  @Get(':test_clock_id')
  @Auth('merchant')
  @ApiOperation({ summary: 'Read a test clock (poll it after an advance until its status is ready)' })
  @ApiOkResponse({ type: TestClockDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@CurrentMerchantId() merchantId: string, @Param('test_clock_id') id: string): Promise<TestClockDto> {
    return this.testClocks.get(merchantId, id);
  }

  @Post(':test_clock_id/advance')
  @Auth('merchant')
  @Idempotent({ required: false, what: 'advance' })
  @ApiBodyExamples(AdvanceTestClockDto, ADVANCE_TEST_CLOCK_EXAMPLES)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a test clock forward',
    description:
      'Answers at once with status `advancing`; the renewals, retries and token checks that fall due up to the ' +
      'new time are then done in time order, each at its own moment, within seconds, and the status becomes ' +
      '`ready`. At most 730 days per advance.',
  })
  @ApiOkResponse({ type: TestClockDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Not later than the current time, or too far.' })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: `\`TEST_CLOCK_ADVANCING\`, ${LIVE}` })
  advance(
    @CurrentMerchantId() merchantId: string,
    @Param('test_clock_id') id: string,
    @Body() body: AdvanceTestClockDto,
  ): Promise<TestClockDto> {
    return this.testClocks.advance(merchantId, id, body);
  }

  @Delete(':test_clock_id')
  @Auth('merchant')
  @ApiOperation({ summary: 'Delete a test clock; its subscriptions are canceled' })
  @ApiOkResponse({ type: DeletedTestClockDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: '`TEST_CLOCK_ADVANCING`' })
  delete(
    @CurrentMerchantId() merchantId: string,
    @Param('test_clock_id') id: string,
  ): Promise<DeletedTestClockDto> {
    return this.testClocks.delete(merchantId, id);
  }
}
