import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  type HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  MikroOrmHealthIndicator,
} from '@nestjs/terminus';
import { Drain } from '../../common/fleet/drain';
import { Public } from '../../common/auth/auth.decorator';
import { ProblemDto } from '../../common/errors/problem.dto';
import { ProblemException } from '../../common/errors/problem.exception';

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
    description:
      '`NOT_READY`: the database does not answer, or the instance is shutting down (the detail names which).',
    type: ProblemDto,
  })
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the database answers and the instance is not shutting down' })
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        // First on SIGTERM: the load balancer stops sending work while in-flight requests finish.
        () => {
          const check = this.indicator.check('instance');
          return this.drain.draining ? check.down({ reason: 'shutting down' }) : check.up();
        },
        () => this.db.pingCheck('database', { timeout: 2000 }),
      ]);
    } catch (error) {
      if (error instanceof ServiceUnavailableException)
        throw notReady(error.getResponse() as HealthCheckResult);
      throw error;
    }
  }
}

/**
 * A failed readiness check is an expected answer (a drain, a database outage), not a fault: 503 problem details
 * that name the checks that failed, instead of a generic error logged with its stack at every probe.
 */
function notReady(result: HealthCheckResult): ProblemException {
  const failed = Object.entries(result.error ?? {}).map(([name, check]) => {
    // Only our own reasons: a driver's message (the database's address, say) is not for a public route.
    return `${name} (${typeof check?.reason === 'string' ? check.reason : 'down'})`;
  });
  return new ProblemException({
    status: 503,
    code: 'NOT_READY',
    title: 'Service Unavailable',
    detail: `Not ready: ${failed.length > 0 ? failed.join(', ') : 'a check failed'}.`,
  });
}
