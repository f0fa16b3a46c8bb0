import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { version } from '../../../package.json';
import { Public } from '../../common/auth/auth.decorator';

const INDEX = {
  name: 'Autopay API',
  version,
  links: {
    docs: '/docs',
    openapi: '/docs-json',
    health: '/health',
    ready: '/health/ready',
    metrics: '/metrics',
  },
} as const;

/** `GET /`: what answers here and where to read on, instead of a 404 for the first thing a newcomer tries. */
@ApiTags('operations')
@Controller()
export class IndexController {
  @Get()
  @Public()
  @ApiOperation({ summary: 'What this service is and where its docs, spec and health checks are' })
  @ApiOkResponse({ description: 'The index.', schema: { example: INDEX } })
  index(): typeof INDEX {
    return INDEX;
  }
}
