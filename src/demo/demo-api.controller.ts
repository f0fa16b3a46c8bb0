import { Body, Controller, Get, Headers, Ip, Param, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/auth/auth.decorator';
import type { ConsentDto } from '../signup/consents/dto/consent.dto';
import type { CustomerTokenDto } from '../signup/customer-tokens/dto/customer-token.dto';
import type { SessionDto } from '../signup/sessions/dto/session.dto';
import { type DemoConfigView, type DemoOrder, DemoService } from './demo.service';
import { DemoChargeDto, DemoSignUpDto } from './dto/demo.dto';

/**
 * The demo merchant's backend, called by the sign-up page. Public because the page's visitor is a consumer, not
 * an API client; it exists only in demo mode and acts only as the demo merchant.
 */
@ApiExcludeController()
@Controller('demo/api')
@Public()
export class DemoApiController {
  constructor(private readonly demo: DemoService) {}

  @Get('config')
  config(): DemoConfigView {
    return this.demo.config();
  }

  @Post('sessions')
  openSession(): Promise<SessionDto> {
    return this.demo.openSession();
  }

  @Post('sign-ups')
  signUp(
    @Body() body: DemoSignUpDto,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<{ consent: ConsentDto; customer_token: CustomerTokenDto }> {
    return this.demo.signUp(body, { ipAddress: ip, userAgent: userAgent ?? 'unknown' });
  }

  @Post('customer-tokens/:customer_token_id/orders')
  charge(@Param('customer_token_id') id: string, @Body() body: DemoChargeDto): Promise<DemoOrder> {
    return this.demo.charge(id, body);
  }
}
