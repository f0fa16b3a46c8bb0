import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminService } from '../domain/admin.service';
import { FaultsService } from '../domain/faults.service';
import { LedgerService } from '../domain/ledger.service';
import { OrderManagementService } from '../domain/order-management.service';
import { RedirectsService } from '../domain/redirects.service';
import { SessionsService } from '../domain/sessions.service';
import { TokensService } from '../domain/tokens.service';

/** Test-only controls (no auth, CORS open): see docs/emulator.md. */
@Controller('emulator/v1')
export class ControlsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly tokens: TokensService,
    private readonly faults: FaultsService,
    private readonly ledger: LedgerService,
    private readonly admin: AdminService,
    private readonly redirects: RedirectsService,
    private readonly orderManagement: OrderManagementService,
  ) {}

  @Post('sessions/:sessionId/authorize')
  @HttpCode(200)
  authorize(@Param('sessionId') sessionId: string, @Body() body: unknown) {
    return this.sessions.authorize(sessionId, body, 'authorize');
  }

  @Post('sessions/:sessionId/finalize')
  @HttpCode(200)
  finalize(@Param('sessionId') sessionId: string, @Body() body: unknown) {
    return this.sessions.authorize(sessionId, body, 'finalize');
  }

  @Get('faults')
  getFaults() {
    return this.faults.current();
  }

  @Put('faults')
  setFaults(@Body() body: unknown) {
    return this.faults.set(body);
  }

  @Delete('faults')
  @HttpCode(204)
  resetFaults(): void {
    this.faults.reset();
  }

  @Get('tokens')
  listTokens(@Query('session_id') sessionId: string | undefined) {
    return { tokens: this.tokens.list(sessionId) };
  }

  @Post('tokens/:tokenId/status')
  @HttpCode(200)
  setTokenStatus(@Param('tokenId') tokenId: string, @Body() body: unknown) {
    return this.tokens.setStatus(tokenId, body);
  }

  @Post('tokens/:tokenId/next-order')
  @HttpCode(200)
  forceNextOrders(@Param('tokenId') tokenId: string, @Body() body: unknown) {
    return this.tokens.forceNextOrders(tokenId, body);
  }

  /** Every order placed, with its Order Management status, amounts, captures and refunds. */
  @Get('orders')
  orders() {
    return { orders: this.ledger.orders().map((order) => this.orderManagement.ledgerView(order)) };
  }

  @Get('orders/:orderId')
  order(@Param('orderId') orderId: string) {
    return this.orderManagement.controlRead(orderId);
  }

  /** A capture made in Klarna's merchant portal, outside the API. */
  @Post('orders/:orderId/captures')
  @HttpCode(201)
  portalCapture(@Param('orderId') orderId: string, @Body() body: unknown) {
    return this.orderManagement.portalCapture(orderId, body);
  }

  /** A refund made in Klarna's merchant portal, outside the API. */
  @Post('orders/:orderId/refunds')
  @HttpCode(201)
  portalRefund(@Param('orderId') orderId: string, @Body() body: unknown) {
    return this.orderManagement.portalRefund(orderId, body);
  }

  @Get('requests')
  requests() {
    return { requests: this.ledger.requestLog() };
  }

  @Get('clock')
  clock() {
    return this.admin.now();
  }

  @Post('clock/advance')
  @HttpCode(200)
  advanceClock(@Body() body: unknown) {
    return this.admin.advanceClock(body);
  }

  @Post('reset')
  @HttpCode(204)
  reset(): void {
    this.admin.reset();
  }

  /** Where `redirect_url`s point: bounce to the merchant's confirmation URL, like Klarna's cookie redirect. */
  @Get('redirect/:id')
  redirect(@Param('id') id: string, @Res() reply: FastifyReply): void {
    const target = this.redirects.target(id);
    if (target) {
      void reply.redirect(target, 302);
      return;
    }
    void reply
      .type('text/html; charset=utf-8')
      .send('<!doctype html><p>Klarna (emulator): order placed.</p>');
  }
}
