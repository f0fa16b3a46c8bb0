import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '../common/auth/auth.decorator';
import { CurrentMerchantId } from '../common/auth/principal';
import { ProblemDto } from '../common/errors/problem.dto';
import { EventDto, EventPageDto, EventsQueryDto, RedeliverEventDto } from './dto/event.dto';
import { EventsService } from './events.service';
import { ApiBodyExamples } from '../common/openapi/body-examples';
import { REDELIVER_EVENT_EXAMPLES } from './events.examples';

@ApiTags('events')
@Controller('v1/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @Auth('merchant')
  @ApiOperation({ summary: 'List events, newest first, with their webhook deliveries' })
  @ApiOkResponse({ type: EventPageDto })
  list(@CurrentMerchantId() merchantId: string, @Query() query: EventsQueryDto): Promise<EventPageDto> {
    return this.events.list(merchantId, query);
  }

  @Get(':event_id')
  @Auth('merchant')
  @ApiOperation({ summary: 'Read an event with every delivery attempt' })
  @ApiOkResponse({ type: EventDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@CurrentMerchantId() merchantId: string, @Param('event_id') id: string): Promise<EventDto> {
    return this.events.get(merchantId, id);
  }

  @Post(':event_id/redeliver')
  @Auth('merchant')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send an event again (e.g. after its delivery failed)',
    description:
      'Queues a new delivery to `endpoint_id`, or to every enabled endpoint subscribed to the event type. ' +
      'Receivers may get an event more than once and should deduplicate by its id.',
  })
  @ApiAcceptedResponse({ type: EventDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'The endpoint is disabled, or there is none.' })
  @ApiBodyExamples(RedeliverEventDto, REDELIVER_EVENT_EXAMPLES)
  redeliver(
    @CurrentMerchantId() merchantId: string,
    @Param('event_id') id: string,
    @Body() body: RedeliverEventDto,
  ): Promise<EventDto> {
    return this.events.redeliver(merchantId, id, body.endpoint_id);
  }
}
