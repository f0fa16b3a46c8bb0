import { Module } from '@nestjs/common';
import { DemoApiController } from './demo-api.controller';
import { DemoBrowserSessions } from './demo-browser-sessions';
import { DemoContext } from './demo-context';
import { DemoPagesController } from './demo-pages.controller';
import { DemoService } from './demo.service';

/** `/demo` (sign-up page), `/demo/admin` (consent viewer) and their backend. Registered only in demo mode. */
@Module({
  controllers: [DemoPagesController, DemoApiController],
  providers: [DemoContext, DemoService, DemoBrowserSessions],
  exports: [DemoContext],
})
export class DemoModule {}
