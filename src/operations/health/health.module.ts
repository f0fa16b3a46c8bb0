import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { IndexController } from './index.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [IndexController, HealthController],
})
export class HealthModule {}
