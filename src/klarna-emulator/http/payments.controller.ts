import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Merchant, type MerchantContext } from '../core/request-context';
import { AuthorizationsService } from '../domain/authorizations.service';
import { SessionsService } from '../domain/sessions.service';

/** Klarna Payments API v1 (payments-v1.yml). */
@Controller('payments/v1')
export class PaymentsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly authorizations: AuthorizationsService,
  ) {}

  @Post('sessions')
  @HttpCode(200)
  createCreditSession(@Merchant() merchant: MerchantContext, @Body() body: unknown) {
    return this.sessions.create(merchant.mid, body);
  }

  @Get('sessions/:sessionId')
  readCreditSession(@Merchant() merchant: MerchantContext, @Param('sessionId') sessionId: string) {
    return this.sessions.read(merchant.mid, sessionId);
  }

  @Post('sessions/:sessionId')
  @HttpCode(204)
  updateCreditSession(
    @Merchant() merchant: MerchantContext,
    @Param('sessionId') sessionId: string,
    @Body() body: unknown,
  ): void {
    this.sessions.update(merchant.mid, sessionId, body);
  }

  @Delete('authorizations/:authorizationToken')
  @HttpCode(204)
  cancelAuthorization(
    @Merchant() merchant: MerchantContext,
    @Param('authorizationToken') token: string,
  ): void {
    this.authorizations.cancel(merchant.mid, token);
  }

  @Post('authorizations/:authorizationToken/order')
  @HttpCode(200)
  createOrder(
    @Merchant() merchant: MerchantContext,
    @Param('authorizationToken') token: string,
    @Body() body: unknown,
  ) {
    return this.authorizations.createOrder(merchant.mid, token, body, merchant.origin);
  }

  @Post('authorizations/:authorizationToken/customer-token')
  @HttpCode(200)
  purchaseToken(
    @Merchant() merchant: MerchantContext,
    @Param('authorizationToken') token: string,
    @Body() body: unknown,
  ) {
    return this.authorizations.createCustomerToken(merchant.mid, token, body, merchant.origin);
  }
}
