import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth/auth.decorator';
import { notFound } from '../common/errors/problem.exception';

const PUBLIC_DIR = join(__dirname, 'public');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};
/** The only files served: no path from the request ever reaches the file system. */
const ASSETS = ['demo.js', 'admin.js', 'style.css'];

function read(name: string): Buffer {
  return readFileSync(join(PUBLIC_DIR, name));
}

/** The demo merchant's sign-up page and the auditors' consent viewer: plain static files, demo mode only. */
@ApiExcludeController()
@Controller('demo')
@Public()
export class DemoPagesController {
  private readonly files = new Map(
    [...ASSETS, 'index.html', 'admin.html'].map((name) => [name, read(name)] as const),
  );

  @Get()
  @Header('Content-Type', TYPES['.html'])
  @Header('Cache-Control', 'no-cache')
  signUpPage(): Buffer {
    return this.files.get('index.html')!;
  }

  @Get('admin')
  @Header('Content-Type', TYPES['.html'])
  @Header('Cache-Control', 'no-cache')
  adminPage(): Buffer {
    return this.files.get('admin.html')!;
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res({ passthrough: true }) reply: FastifyReply): Buffer {
    const file = ASSETS.includes(name) ? this.files.get(name) : undefined;
    if (!file) throw notFound('Asset', name);
    void reply.header('Content-Type', TYPES[name.slice(name.lastIndexOf('.'))]);
    void reply.header('Cache-Control', 'no-cache');
    return file;
  }
}
