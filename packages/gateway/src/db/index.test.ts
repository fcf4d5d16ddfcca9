/** @module Opening the database: a data folder whose parents do not exist yet (a fresh checkout), reopened with its data. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from './index.ts';

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

it('creates missing parent folders, migrates once, and keeps the data across a reopen', async () => {
  root = await mkdtemp(path.join(tmpdir(), 'lifeline-db-'));
  const dataDir = path.join(root, 'not', 'there', 'yet');
  const first = await openDatabase({ dataDir });
  await first.query(`insert into audit_log (actor, action) values ('test', 'reopen')`);
  await first.close();
  const again = await openDatabase({ dataDir });
  expect(await again.query('select actor, action from audit_log')).toEqual([{ actor: 'test', action: 'reopen' }]);
  expect((await again.query<{ version: number }>('select version from schema_migrations order by version')).map((r) => r.version)).toEqual([1, 2, 3, 4]);
  await again.close();
});
