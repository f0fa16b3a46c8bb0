import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import {
  type DynamicModule,
  Logger,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  RequestMethod,
} from '@nestjs/common';
import { migrateWithLock } from './migrate';
import { APP_DB_ROLE, appOrmOptions } from './mikro-orm.config';
import { connectsAsSuperuser } from './service-login';
import { RequestContextMiddleware } from '../../common/database/request-context.middleware';

@Module({})
export class DatabaseModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }

  /**
   * Migrations run (as the owner, `migrationUrl`, default `url`) before the service's pool exists, because that
   * pool switches to the application role the migrations create. `url` empty: no connection (OpenAPI generation
   * in preview mode, where the factory never runs).
   */
  static forRoot(url: string, poolMax: number, runMigrations: boolean, migrationUrl = url): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        MikroOrmModule.forRootAsync({
          // Named, so that the module does not call the factory (migrations, checks) once more just to learn it.
          driver: PostgreSqlDriver,
          useFactory: async () => {
            if (runMigrations) {
              const applied = await migrateWithLock(migrationUrl || url);
              if (applied.length > 0) {
                new Logger('Migrations').log({ applied }, `applied ${applied.length} migration(s)`);
              }
            }
            if (await connectsAsSuperuser(url)) {
              new Logger('Database').warn(
                'DATABASE_URL connects as a superuser: RESET ROLE would undo the append-only boundary. Connect ' +
                  `as a login role that is a member of ${APP_DB_ROLE} and set DATABASE_MIGRATION_URL for migrations.`,
              );
            }
            return { ...appOrmOptions(url, poolMax), registerRequestContext: false };
          },
        }),
      ],
    };
  }
}
