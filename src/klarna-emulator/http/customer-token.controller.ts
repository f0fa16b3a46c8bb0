import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { Merchant, type MerchantContext } from '../core/request-context';
import { TokensService } from '../domain/tokens.service';

/** Klarna Customer Token API v1 (customer-token-v1.yml). */
@Controller('customer-token/v1/tokens')
export class CustomerTokenController {
  constructor(private readonly tokens: TokensService) {}

  @Get(':customerToken')
  readCustomerToken(@Merchant() merchant: MerchantContext, @Param('customerToken') tokenId: string) {
    return this.tokens.read(merchant.mid, tokenId);
  }

  @Post(':customerToken/order')
  @HttpCode(200)
  createOrder(
    @Merchant() merchant: MerchantContext,
    @Param('customerToken') tokenId: string,
    @Body() body: unknown,
    @Headers('klarna-idempotency-key') idempotencyKey: string | undefined,
  ) {
    return this.tokens.createOrder(merchant, tokenId, body, idempotencyKey);
  }

  @Patch(':customerToken/status')
  @HttpCode(202)
  patchCustomerToken(
    @Merchant() merchant: MerchantContext,
    @Param('customerToken') tokenId: string,
    @Body() body: unknown,
  ): void {
    this.tokens.cancel(merchant.mid, tokenId, body);
  }
}
