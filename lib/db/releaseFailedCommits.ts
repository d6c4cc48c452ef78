import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type AdapterFactory = Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect" | "connectToShadowDb">;
type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Transaction["executeRaw"]>[0];

// Prisma 6.19 ends a transaction by sending COMMIT as a query and then calling the adapter's
// commit(). When that COMMIT fails (database file read-only, disk full, I/O error) it calls
// neither commit() nor rollback(), so the better-sqlite3 adapter's in-process transaction mutex
// stays held: every later transaction (e.g. creating a plan run) waits for ever while single
// writes go on working. This wrapper rolls such a transaction back and releases it before the
// error goes on to the caller. (Prisma's releaser is idempotent, so a later rollback() is harmless.)

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\b/i;

function bound<T extends object>(target: T, prop: string | symbol): unknown {
  const value = Reflect.get(target, prop, target);
  // Bound to the real object: the adapter keeps its mutex in a private field a proxy cannot reach.
  return typeof value === "function" ? value.bind(target) : value;
}

function guardTransaction(tx: Transaction): Transaction {
  return new Proxy(tx, {
    get(target, prop) {
      if (prop !== "executeRaw") return bound(target, prop);
      return async (query: Query) => {
        try {
          return await target.executeRaw(query);
        } catch (error) {
          if (ENDS_TRANSACTION.test(query.sql)) {
            // SQLite may keep the transaction open after a failed COMMIT (SQLITE_BUSY does): end it.
            await target.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => undefined);
            await target.rollback();
          }
          throw error;
        }
      };
    },
  });
}

function guardAdapter(adapter: Adapter): Adapter {
  return new Proxy(adapter, {
    get(target, prop) {
      if (prop !== "startTransaction") return bound(target, prop);
      return async (...args: Parameters<Adapter["startTransaction"]>) => guardTransaction(await target.startTransaction(...args));
    },
  });
}

export function releaseFailedCommits(factory: PrismaBetterSQLite3): AdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => guardAdapter(await factory.connect()),
    connectToShadowDb: async () => guardAdapter(await factory.connectToShadowDb()),
  };
}
