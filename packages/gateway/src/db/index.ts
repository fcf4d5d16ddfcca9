/**
 * @module Storage: one SQL dialect on two engines. PGlite (PostgreSQL in WebAssembly, a folder on disk)
 * is the default; `DATABASE_URL=postgres://…` runs the same SQL on PostgreSQL through `pg`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { migrate } from './migrate.ts';

export type Row = Record<string, unknown>;

/** What the gateway asks of a database: parameterized queries (`$1`, `$2`…) and transactions. */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: all of it is stored, or none of it. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly engine: 'pglite' | 'postgres';
}

export type DatabaseLocation = { dataDir: string } | { url: string };

/** Opens the database and brings its schema up to date (migrations are applied in order, once). */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  const db = 'url' in location ? await openPostgres(location.url) : await openPglite(location.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  // PGlite creates the data folder but not its parents: a fresh checkout has no .lifeline/ yet.
  if (!/^[a-z]+:\/\//.test(dataDir) || dataDir.startsWith('file://')) await mkdir(path.dirname(dataDir.replace(/^file:\/\//, '')), { recursive: true });
  const pglite = await PGlite.create(dataDir);
  // PGlite serves one query at a time: a transaction holds it, so others wait rather than interleave.
  return {
    engine: 'pglite',
    query: async <T extends Row>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
    transaction: (work) => pglite.transaction((tx) => work({ query: async <T extends Row>(sql: string, params: unknown[] = []) => (await tx.query<T>(sql, params)).rows })),
    close: () => pglite.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Fails now, with the server's own words, rather than on the first request.
  await pool.query('select 1');
  return {
    engine: 'postgres',
    query: async <T extends Row>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({ query: async <T extends Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[] });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
