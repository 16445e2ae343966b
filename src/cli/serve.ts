/** `zhibu serve`: opens the application (holding the data-directory lock) and listens. */
import type { Command } from 'commander';
import { loadConfig } from '../app/config.ts';
import { openApp } from '../app/context.ts';
import { loadDemo } from '../app/demo-service.ts';
import { assertListenAllowed, buildServer } from '../api/server.ts';
import { todayInChina } from './run.ts';

/** Starts the server and resolves when it stops (SIGINT/SIGTERM close it cleanly). */
export async function startServer(cmd: Command, opts: { port?: string | undefined; host?: string | undefined; demo: boolean }, out: (s: string) => void): Promise<void> {
  const g = cmd.optsWithGlobals<{ dataDir?: string; databaseUrl?: string }>();
  const config = loadConfig(process.env, { dataDir: g.dataDir, databaseUrl: g.databaseUrl, port: opts.port !== undefined ? Number(opts.port) : undefined, host: opts.host });
  const app = await openApp(config);
  try {
    await assertListenAllowed(app, config.host);
    if (opts.demo) {
      const r = await loadDemo(app, { force: false });
      if (r.loaded) out(`数据库为空，已载入演示数据（${r.organizations} 个组织，${r.members} 名党员，${r.activities} 条活动）。`);
    }
    const server = await buildServer(app, { today: () => todayInChina(), logger: false });
    await server.listen({ port: config.port, host: config.host });
    out(`Zhibu 已启动：http://${config.host}:${config.port}/  （API 文档：/docs；数据：${app.database.location}）`);
    await new Promise<void>((resolve) => {
      const stop = () => { void server.close().then(resolve); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  } finally {
    await app.close();
  }
}
