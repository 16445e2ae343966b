/**
 * Configuration from the environment, read once by the entry points (CLI, server) and passed in.
 * DATABASE_URL selects PostgreSQL; otherwise the embedded PGlite lives in ZHIBU_DATA_DIR.
 */
import { join, resolve } from 'node:path';

export interface Config {
  /** `postgres://…` to use a PostgreSQL server; undefined for the embedded database. */
  databaseUrl: string | undefined;
  /**
   * `postgres://…` of a streaming replica of `databaseUrl` (DATABASE_READ_URL): reports, dashboards
   * and checks read from it; writes and a caller's reads right after its own writes use the primary.
   */
  databaseReadUrl?: string | undefined;
  /** Data directory: the embedded database, the key file (absolute). */
  dataDir: string;
  /** 32-byte key (hex or base64) for personal data; when unset, the key file is used. */
  secretKey: string | undefined;
  /**
   * The key file: ZHIBU_SECRET_KEY_FILE (absolute), else `<dataDir>/secret.key`. Keeping it outside
   * the data directory means a copy of the directory is not a copy of the plaintext (issue 13).
   */
  keyFile: string;
  port: number;
  host: string;
  /**
   * The address users reach Zhibu at (`https://zhibu.example.org`), origin only: builds the
   * links that leave the screen (QR sign-in, the setup link) and is an accepted Origin for
   * state-changing requests. Undefined: the request's own Host header is used.
   */
  publicUrl: string | undefined;
  /** Request log level (pino): fatal, error, warn, info, debug, trace or silent. */
  logLevel: LogLevel;
}

/** The log levels ZHIBU_LOG_LEVEL accepts. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The origin of a public base URL (`https://host[:port]`, a trailing slash allowed). Throws Error
 * (in Chinese) for anything else: another scheme, a path, a query, credentials.
 */
export function parsePublicUrl(text: string): string {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new Error(`ZHIBU_PUBLIC_URL 无效：${text}（应为 https://域名 或 http://地址:端口）`);
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || u.search || u.hash || (u.pathname !== '/' && u.pathname !== '')) {
    throw new Error(`ZHIBU_PUBLIC_URL 无效：${text}（只写协议、域名和端口，如 https://zhibu.example.org，不带路径）`);
  }
  return u.origin;
}

/** Reads the configuration; `overrides` come from command-line options and win over the environment. */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: Partial<Pick<Config, 'dataDir' | 'databaseUrl' | 'port' | 'host' | 'publicUrl'>> = {}): Config {
  const dataDir = resolve(overrides.dataDir ?? env.ZHIBU_DATA_DIR ?? './data');
  const portText = overrides.port ?? env.PORT ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口无效：${portText}`);
  const databaseUrl = overrides.databaseUrl ?? (env.DATABASE_URL || undefined);
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL 应以 postgres:// 开头');
  const publicUrlText = overrides.publicUrl ?? (env.ZHIBU_PUBLIC_URL || undefined);
  const logLevel = (env.ZHIBU_LOG_LEVEL || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new Error(`ZHIBU_LOG_LEVEL 无效：${logLevel}（可选 ${LOG_LEVELS.join('、')}）`);
  const databaseReadUrl = env.DATABASE_READ_URL || undefined;
  if (databaseReadUrl && !/^postgres(ql)?:\/\//.test(databaseReadUrl)) throw new Error('DATABASE_READ_URL 应以 postgres:// 开头');
  return {
    databaseUrl,
    databaseReadUrl,
    dataDir,
    secretKey: env.ZHIBU_SECRET_KEY || undefined,
    keyFile: env.ZHIBU_SECRET_KEY_FILE ? resolve(env.ZHIBU_SECRET_KEY_FILE) : join(dataDir, 'secret.key'),
    port,
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    publicUrl: publicUrlText ? parsePublicUrl(publicUrlText) : undefined,
    logLevel: logLevel as LogLevel,
  };
}
