/** @module Versioned migrations, applied in order at start, each once and in its own transaction. */
import type { Database } from './index.ts';
import { MIGRATIONS } from './migrations.ts';

export async function migrate(db: Database): Promise<number[]> {
  await db.query(`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`);
  const done = new Set((await db.query<{ version: number }>('select version from schema_migrations')).map((row) => row.version));
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (done.has(migration.version)) continue;
    await db.transaction(async (tx) => {
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
    });
    applied.push(migration.version);
  }
  return applied;
}
