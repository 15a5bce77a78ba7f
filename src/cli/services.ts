// What main.ts hands a command that needs the database: a way to run its work with the services over the
// configured database, opened only when the command has checked its arguments and closed when it is done.

/** Runs `work` with the services, or `notMigrated` (naming the pending migrations) before any is built. */
export type WithServices<S> = <T>(
  work: (services: S) => Promise<T>,
  notMigrated: (pending: string[]) => T,
) => Promise<T>;
