/**
 * The composition root's product: one object holding the database, the field encryption and the
 * themes table, passed to every use case. Tests build the same thing over a test database.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../db/client.ts';
import { createFieldCrypto, loadOrCreateKey, type FieldCrypto } from '../db/field-crypto.ts';
import { validateThemesTable, type ThemesTable } from '../domain/report/themes.ts';
import type { Config } from './config.ts';

export interface AppContext {
  database: Database;
  crypto: FieldCrypto;
  themes: ThemesTable;
  close(): Promise<void>;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Reads the themes table (config/themes.json, or a file given by the caller). */
export function loadThemes(file = resolve(root, 'config/themes.json')): ThemesTable {
  return validateThemesTable(JSON.parse(readFileSync(file, 'utf8')));
}

/** Opens the database (migrating it) and the key; throws ConflictError when the data directory is locked. */
export async function openApp(config: Config): Promise<AppContext> {
  const key = loadOrCreateKey(config.secretKey, config.keyFile);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  return { database, crypto: createFieldCrypto(key), themes: loadThemes(), close: () => database.close() };
}

/** An application over an already-open database (tests, benchmarks). */
export function appOver(database: Database, crypto: FieldCrypto): AppContext {
  return { database, crypto, themes: loadThemes(), close: () => database.close() };
}
