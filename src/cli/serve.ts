/** `zhibu serve`: opens the application (holding the data-directory lock) and listens. */
import type { Command } from 'commander';
import { loadConfig } from '../app/config.ts';
import { openApp } from '../app/context.ts';
import { loadDemo } from '../app/demo-service.ts';
import { newSetupToken, setupNeeded } from '../app/setup-service.ts';
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
    // First run: a one-time link, shown only here, creates the first administrator in the browser.
    const setupToken = (await setupNeeded(app)) ? newSetupToken() : undefined;
    const server = await buildServer(app, { today: () => todayInChina(), logger: false, setupToken });
    await server.listen({ port: config.port, host: config.host });
    const addr = server.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    out(`Zhibu 已启动：${base}/  （API 文档：/docs；数据：${app.database.location}）`);
    if (setupToken) {
      out(`首次使用：还没有任何账号。请在浏览器打开下面的一次性链接，创建管理员账号：\n  ${base}/setup#${setupToken}\n（也可停止服务后运行 npx zhibu user add --admin --username admin）`);
    }
    await new Promise<void>((resolve) => {
      const stop = () => { void server.close().then(resolve); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  } finally {
    await app.close();
  }
}
