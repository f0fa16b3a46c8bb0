import { Controller, Get } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  MikroOrmHealthIndicator,
} from '@nestjs/terminus';
import { Drain } from '../../common/fleet/drain';
import { Public } from '../../common/auth/auth.decorator';
import { ProblemDto } from '../../common/errors/problem.dto';

@ApiTags('operations')
// Load balancers and orchestrators probe these several times a second from a few addresses; counted against the
// per-address limit (fleet-wide with Redis), they would take every instance out of rotation.
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: MikroOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    private readonly drain: Drain,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ description: 'Alive.', schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  // Above @HealthCheck(), whose own 503 schema it replaces: the global filter answers problem details.
  @ApiServiceUnavailableResponse({
    description: 'A dependency is down, or the instance is shutting down.',
    type: ProblemDto,
  })
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the database answers and the instance is not shutting down' })
  ready() {
    return this.health.check([
      // First on SIGTERM: the load balancer stops sending work while in-flight requests finish.
      () => {
        const check = this.indicator.check('instance');
        return this.drain.draining ? check.down({ reason: 'shutting down' }) : check.up();
      },
      () => this.db.pingCheck('database', { timeout: 2000 }),
    ]);
  }
}
