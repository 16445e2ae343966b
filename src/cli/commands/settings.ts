/** `zhibu settings …`: an organization's regulation settings (regulations.md §11 open points) and where each comes from. */
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/access.ts';
import { resolveOrg } from '../../app/org-service.ts';
import { resetSettings, settingsView, updateSettings, type SettingsView } from '../../app/settings-service.ts';
import { ValidationError } from '../../domain/errors.ts';
import { parseSettingText, SETTING_KEYS, SETTING_LABELS, type SettingsOverrides } from '../../domain/regulations/settings-schema.ts';
import { withApp } from '../run.ts';

function printView(view: SettingsView, out: (s: string) => void): void {
  for (const key of SETTING_KEYS) {
    const origin = view.sources[key];
    // The nearest ancestor that sets the key is the last one in the root-first chain.
    const from = origin === 'default' ? '默认' : origin === 'own' ? '本组织设置' : `继承自 ${[...view.inherited].reverse().find((l) => Object.hasOwn(l.overrides, key))?.name ?? '上级党组织'}`;
    out(`${key} = ${JSON.stringify(view.effective[key])}  ${SETTING_LABELS[key]}  [${from}]`);
  }
}

/**
 * Adds `settings show --org X`, `settings set --org X key=value …` (values validated by the
 * settings schema; a bad key or value ends in ValidationError naming it) and
 * `settings reset --org X [key …]` (without keys: every own setting).
 */
export function registerSettingsCommands(program: Command, out: (s: string) => void = (s) => console.log(s)): void {
  const settings = program.command('settings').description('各组织的党内法规检查设置（党课频次、学时等） / per-unit regulation settings');
  settings.command('show')
    .description('显示组织生效的设置及来源 / effective settings and where each comes from')
    .requiredOption('--org <id或名称>', '组织')
    .action(async (opts: { org: string }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const org = await resolveOrg(app, opts.org);
        printView(await settingsView(app, SYSTEM_ACTOR, org), out);
      });
    });
  settings.command('set')
    .description('设置本组织的检查设置，下级组织继承 / set settings, inherited by the subtree')
    .requiredOption('--org <id或名称>', '组织')
    .argument('<key=value...>', `设置项=值，如 partyLectureFrequency=yearly（可用：${SETTING_KEYS.join('、')}）`)
    .action(async (pairs: string[], opts: { org: string }, cmd: Command) => {
      // Parse every pair before opening the database, so a typo changes nothing.
      const changes: SettingsOverrides = {};
      for (const pair of pairs) {
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new ValidationError(`“${pair}”应写成 设置项=值`, [{ field: pair, message: '应写成 设置项=值' }]);
        Object.assign(changes, parseSettingText(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()));
      }
      await withApp(cmd, async (app) => {
        const org = await resolveOrg(app, opts.org);
        const view = await updateSettings(app, SYSTEM_ACTOR, org, changes);
        out(`已更新 ${org.name} 的设置：${Object.keys(changes).join('、')}`);
        printView(view, out);
      });
    });
  settings.command('reset')
    .description('删除本组织的设置，恢复继承或默认 / remove own settings (all when no key is given)')
    .requiredOption('--org <id或名称>', '组织')
    .argument('[key...]', '设置项（不写则全部）')
    .action(async (keys: string[], opts: { org: string }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const org = await resolveOrg(app, opts.org);
        const view = await resetSettings(app, SYSTEM_ACTOR, org, keys);
        out(keys.length === 0 ? `已清除 ${org.name} 的全部设置` : `已清除 ${org.name} 的设置：${keys.join('、')}`);
        printView(view, out);
      });
    });
}
