/**
 * `zhibu serve`: opens the application (holding the data-directory lock) and listens.
 *
 * Start-up order matters for how soon the program answers: the web framework and the routes are
 * imported while the database opens, the server listens as soon as both are ready, and on a first
 * run the setup link is printed before the demo data loads (with a progress line), not after.
 */
import type { Command } from 'commander';
import { loadConfig } from '../app/config.ts';
import { openApp } from '../app/context.ts';
import { newSetupToken, setupNeeded } from '../app/setup-service.ts';
import { todayInChina } from './run.ts';

/** Starts the server and resolves when it stops (SIGINT/SIGTERM close it cleanly). */
export async function startServer(cmd: Command, opts: { port?: string | undefined; host?: string | undefined; publicUrl?: string | undefined; demo: boolean }, out: (s: string) => void): Promise<void> {
  const g = cmd.optsWithGlobals<{ dataDir?: string; databaseUrl?: string }>();
  const config = loadConfig(process.env, { dataDir: g.dataDir, databaseUrl: g.databaseUrl, port: opts.port !== undefined ? Number(opts.port) : undefined, host: opts.host, publicUrl: opts.publicUrl });
  const serverModule = import('../api/server.ts');
  serverModule.catch(() => undefined); // awaited below; a failed open must not leave it unhandled
  const app = await openApp(config);
  try {
    const { assertListenAllowed, buildServer } = await serverModule;
    await assertListenAllowed(app, config.host);
    // First run: a one-time link, shown only here, creates the first administrator in the browser.
    const setupToken = (await setupNeeded(app)) ? newSetupToken() : undefined;
    const server = await buildServer(app, { today: () => todayInChina(), logLevel: config.logLevel, publicUrl: config.publicUrl, setupToken });
    await server.listen({ port: config.port, host: config.host });
    const addr = server.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    out(`Zhibu 已启动：${base}/  （API 文档：/docs；数据：${app.database.location}${config.publicUrl ? `；对外地址：${config.publicUrl}` : ''}）`);
    if (setupToken) {
      // The server listens on loopback until an account exists: the link is for this machine.
      out(`首次使用：还没有任何账号。请在浏览器打开下面的一次性链接，创建管理员账号：\n  ${base}/setup#${setupToken}\n（也可停止服务后运行 npx zhibu user add --admin --username admin）`);
    }
    const stopped = new Promise<void>((resolve) => {
      const stop = () => { void server.close().then(resolve); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    if (opts.demo) await loadDemoWithProgress(app, out);
    await stopped;
  } finally {
    await app.close();
  }
}

/** Loads the demo into an empty database, with a progress line on a terminal (a line per step otherwise). */
async function loadDemoWithProgress(app: Awaited<ReturnType<typeof openApp>>, out: (s: string) => void): Promise<void> {
  const [{ loadDemo }, { default: cliProgress }] = await Promise.all([import('../app/demo-service.ts'), import('cli-progress')]);
  const tty = process.stderr.isTTY;
  let bar: InstanceType<typeof cliProgress.SingleBar> | undefined;
  let announced = false;
  try {
    const r = await loadDemo(app, {
      force: false,
      onProgress: (done, total, step) => {
        if (!announced) {
          announced = true;
          if (tty) {
            bar = new cliProgress.SingleBar({ format: '正在载入演示数据 [{bar}] {value}/{total} {step}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
            bar.start(total, 0, { step: '' });
          } else {
            out('数据库为空，正在载入演示数据……');
          }
        }
        if (bar) bar.update(done, { step });
        else out(`  载入演示数据 ${done}/${total}：${step}`);
      },
    });
    bar?.stop();
    if (r.loaded) out(`已载入演示数据（${r.organizations} 个组织，${r.members} 名党员，${r.activities} 条活动），刷新浏览器即可看到。`);
  } catch (e) {
    bar?.stop();
    out(`演示数据载入失败（服务继续运行，数据库未改动）：${e instanceof Error ? e.message : String(e)}`);
  }
}
