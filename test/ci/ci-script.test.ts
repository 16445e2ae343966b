/**
 * The CI script installs system packages only when some are missing: with everything installed it
 * never calls apt-get (no `apt-get update` on every run). apt-get and dpkg-query are replaced by
 * stubs on PATH that record their calls; nothing is installed.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function stubs(missing: string | null): { dir: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'zhibu-ci-'));
  const log = join(dir, 'apt.log');
  writeFileSync(join(dir, 'apt-get'), `#!/bin/sh\necho "apt-get $*" >> ${log}\n`);
  // dpkg-query -W -f=... PACKAGE: "installed" for every package but the missing one.
  writeFileSync(join(dir, 'dpkg-query'), `#!/bin/sh\nfor last; do :; done\n[ "$last" = "${missing ?? ''}" ] && exit 1\nprintf 'install ok installed'\n`);
  writeFileSync(join(dir, 'id'), '#!/bin/sh\necho 0\n');
  for (const f of ['apt-get', 'dpkg-query', 'id']) chmodSync(join(dir, f), 0o755);
  return { dir, log };
}

function ensureDeps(missing: string | null): string {
  const { dir, log } = stubs(missing);
  execFileSync('bash', [join(root, 'scripts/ensure-test-deps.sh')], { env: { ...process.env, PATH: `${dir}:${process.env.PATH}` }, stdio: 'pipe' });
  return existsSync(log) ? readFileSync(log, 'utf8') : '';
}

describe('system packages on CI', () => {
  it('.ci/run leaves apt-get to the script that checks first', () => {
    const commands = readFileSync(join(root, '.ci/run'), 'utf8').split('\n').filter((l) => !/^\s*#/.test(l));
    expect(commands.filter((l) => /apt-get|apt /.test(l))).toEqual([]);
    expect(commands.join('\n')).toContain('bash scripts/ensure-test-deps.sh');
  });

  it('calls no apt-get at all when every package is installed', () => {
    expect(ensureDeps(null)).toBe('');
  });

  it('updates and installs only the missing package otherwise', () => {
    const pkg = readFileSync(join(root, 'scripts/apt-packages-render.txt'), 'utf8').split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('#'))!;
    const log = ensureDeps(pkg).trim().split('\n');
    expect(log[0]).toMatch(/^apt-get update/);
    expect(log[1]).toMatch(new RegExp(`^apt-get install .* ${pkg}$`));
  });
});
