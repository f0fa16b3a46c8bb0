import { Body, Controller, Get, Headers, Ip, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/auth/auth.decorator';
import { notFound } from '../common/errors/problem.exception';
import type { Schema } from '@autopay/client';
import { DemoBrowserSessions } from './demo-browser-sessions';
import { type DemoConfigView, type DemoOrder, DemoService } from './demo.service';
import { DemoChargeDto, DemoSignUpDto } from './dto/demo.dto';

/**
 * The demo merchant's backend, called by the sign-up page. Public because the page's visitor is a consumer, not
 * an API client; it exists only in demo mode and acts only as the demo merchant, and only on the sessions and
 * tokens the calling browser created (see DemoBrowserSessions): another browser's token is not found.
 */
@ApiExcludeController()
@Controller('demo/api')
@Public()
export class DemoApiController {
  constructor(
    private readonly demo: DemoService,
    private readonly browsers: DemoBrowserSessions,
  ) {}

  @Get('config')
  config(): DemoConfigView {
    return this.demo.config();
  }

  @Post('sessions')
  async openSession(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Schema<'SessionDto'>> {
    const browser = this.browsers.current(request, reply);
    const session = await this.demo.openSession();
    browser.sessions.add(session.id);
    return session;
  }

  @Post('sign-ups')
  async signUp(
    @Body() body: DemoSignUpDto,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<{ consent: Schema<'ConsentDto'>; customer_token: Schema<'CustomerTokenDto'> }> {
    const browser = this.browsers.existing(request);
    if (!browser?.sessions.has(body.session_id)) throw notFound('Session', body.session_id);
    const result = await this.demo.signUp(body, { ipAddress: ip, userAgent: userAgent ?? 'unknown' });
    browser.tokens.add(result.customer_token.id);
    return result;
  }

  @Post('customer-tokens/:customer_token_id/orders')
  charge(
    @Param('customer_token_id') id: string,
    @Body() body: DemoChargeDto,
    @Req() request: FastifyRequest,
  ): Promise<DemoOrder> {
    if (!this.browsers.existing(request)?.tokens.has(id)) throw notFound('Customer token', id);
    return this.demo.charge(id, body);
  }
}
