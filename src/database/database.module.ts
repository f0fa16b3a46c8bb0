import { MikroORM } from '@mikro-orm/postgresql';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { type DynamicModule, Inject, Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { migrateWithLock } from './migrate';
import { ormOptions } from './mikro-orm.config';

const DATABASE_URL = Symbol('DATABASE_URL');

@Injectable()
class MigrationRunner implements OnModuleInit {
  private readonly logger = new Logger('Migrations');
  constructor(
    private readonly orm: MikroORM,
    @Inject(DATABASE_URL) private readonly url: string,
  ) {}

  async onModuleInit(): Promise<void> {
    const applied = await migrateWithLock(this.orm, this.url);
    if (applied.length > 0) this.logger.log({ applied }, `applied ${applied.length} migration(s)`);
  }
}

@Module({})
export class DatabaseModule {
  /** `url` undefined: no connection (OpenAPI generation in preview mode). */
  static forRoot(url: string, poolMax: number, runMigrations: boolean): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [MikroOrmModule.forRoot({ ...ormOptions(url, poolMax), registerRequestContext: true })],
      providers: [{ provide: DATABASE_URL, useValue: url }, ...(runMigrations ? [MigrationRunner] : [])],
    };
  }
}
