/**
 * Configuration from the environment, read once by the entry points (CLI, server) and passed in.
 * DATABASE_URL selects PostgreSQL; otherwise the embedded PGlite lives in ZHIBU_DATA_DIR.
 */
import { join, resolve } from 'node:path';

export interface Config {
  /** `postgres://…` to use a PostgreSQL server; undefined for the embedded database. */
  databaseUrl: string | undefined;
  /** Data directory: the embedded database, the key file (absolute). */
  dataDir: string;
  /** 32-byte key (hex or base64) for personal data; when unset, `<dataDir>/secret.key` is used. */
  secretKey: string | undefined;
  keyFile: string;
  port: number;
  host: string;
}

/** Reads the configuration; `overrides` come from command-line options and win over the environment. */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: Partial<Pick<Config, 'dataDir' | 'databaseUrl' | 'port' | 'host'>> = {}): Config {
  const dataDir = resolve(overrides.dataDir ?? env.ZHIBU_DATA_DIR ?? './data');
  const portText = overrides.port ?? env.PORT ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口无效：${portText}`);
  const databaseUrl = overrides.databaseUrl ?? (env.DATABASE_URL || undefined);
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL 应以 postgres:// 开头');
  return {
    databaseUrl,
    dataDir,
    secretKey: env.ZHIBU_SECRET_KEY || undefined,
    keyFile: join(dataDir, 'secret.key'),
    port,
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
  };
}
