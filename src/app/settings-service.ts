/**
 * Per-unit regulation settings (regulations.md §11 open points): read an organization's own and
 * inherited overrides, save them (managers in scope only), and the effective settings the
 * compliance check runs with. Inheritance: defaults, then each ancestor from the root down, the
 * organization's own last.
 */
import type { Organization } from '../domain/org/org.ts';
import { DEFAULT_SETTINGS, type RegulationSettings } from '../domain/regulations/settings.ts';
import {
  effectiveSettings, isSettingKey, parseSettingsOverrides, SETTING_KEYS, settingSources, type SettingKey, type SettingSource, type SettingsOverrides,
} from '../domain/regulations/settings-schema.ts';
import { ValidationError } from '../domain/errors.ts';
import { overridesAroundSubtree, overridesOfAncestors, saveOverrides, type StoredOverrides } from '../db/queries/settings-queries.ts';
import { assertOrgInScope, assertRole, MANAGERS, orgInScope, type Actor } from './access.ts';
import type { AppContext } from './context.ts';
import { getOrganization } from '../db/queries/org-queries.ts';

/** One organization's overrides in an inheritance chain. */
export interface OverridesLink {
  orgId: string;
  name: string;
  path: string;
  overrides: SettingsOverrides;
}

/** An ancestor's overrides as shown to an actor: an ancestor outside the actor's scope is not named (orgId null). */
export interface InheritedOverrides {
  orgId: string | null;
  name: string;
  overrides: SettingsOverrides;
}

/** Where a setting's effective value comes from, as shown to an actor. */
export type SettingOrigin = 'default' | 'own' | 'inherited';

/** What `settingsView` returns: the effective settings, the organization's own overrides, the ancestors' (root first), and where each value comes from. */
export interface SettingsView {
  effective: RegulationSettings;
  own: SettingsOverrides;
  inherited: InheritedOverrides[];
  sources: Record<SettingKey, SettingOrigin>;
}

function toLink(row: StoredOverrides): OverridesLink {
  // Stored rows were validated on write; validating again keeps a hand-edited row from reaching the engine.
  return { orgId: row.orgId, name: row.name, path: row.path, overrides: parseSettingsOverrides(row.overrides) };
}

/** The overrides chain of `org`: its ancestors' root first, its own last (organizations that set nothing are absent). */
export async function overridesChain(app: AppContext, org: Organization): Promise<OverridesLink[]> {
  return (await overridesOfAncestors(app.database.db, org.path)).map(toLink);
}

/** The effective settings of the organization with this id (defaults when it no longer exists). */
export async function settingsForOrgId(app: AppContext, orgId: string): Promise<RegulationSettings> {
  const org = await getOrganization(app.database.db, orgId);
  return org ? settingsFor(app, org) : DEFAULT_SETTINGS;
}

/** The effective settings of `org` (no access check: for use cases that already checked it). */
export async function settingsFor(app: AppContext, org: Organization): Promise<RegulationSettings> {
  return effectiveSettings((await overridesChain(app, org)).map((l) => l.overrides));
}

/**
 * Effective settings of every organization of a subtree, by id, from one query: each
 * organization inherits from `root`'s ancestors, `root` and its own ancestors inside the subtree.
 */
export async function settingsForSubtree(app: AppContext, root: Organization, organizations: readonly Organization[]): Promise<Map<string, RegulationSettings>> {
  const rows = await overridesAroundSubtree(app.database.db, root.path);
  const links = rows.map((r) => ({ path: r.path, overrides: parseSettingsOverrides(r.overrides) }));
  // Rows come ordered by depth, so filtering keeps the chain root first.
  return new Map(organizations.map((o) => [o.id, effectiveSettings(links.filter((l) => o.path === l.path || o.path.startsWith(`${l.path}.`)).map((l) => l.overrides))]));
}

function originOf(source: SettingSource, orgId: string): SettingOrigin {
  if (source.kind === 'default') return 'default';
  return source.orgId === orgId ? 'own' : 'inherited';
}

/**
 * Effective, own and inherited settings of `org` (inherited: ancestors root first; one above
 * the actor's scope is shown as 上级党组织 without its id). ForbiddenError for a member;
 * NotFoundError outside the scope.
 */
export async function settingsView(app: AppContext, actor: Actor, org: Organization): Promise<SettingsView> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const chain = await overridesChain(app, org);
  const ownLink = chain.find((l) => l.orgId === org.id);
  const inherited = chain.filter((l) => l.orgId !== org.id)
    .map((l) => (orgInScope(actor, l) ? { orgId: l.orgId, name: l.name, overrides: l.overrides } : { orgId: null, name: '上级党组织', overrides: l.overrides }));
  const sources = settingSources(chain);
  return {
    effective: effectiveSettings(chain.map((l) => l.overrides)),
    own: ownLink?.overrides ?? {},
    inherited,
    sources: Object.fromEntries(SETTING_KEYS.map((k) => [k, originOf(sources[k], org.id)])) as Record<SettingKey, SettingOrigin>,
  };
}

/**
 * Replaces `org`'s own overrides with `input` (validated: ValidationError naming each bad field);
 * `{}` removes them all. ForbiddenError for a member; NotFoundError outside the scope.
 */
export async function replaceSettings(app: AppContext, actor: Actor, org: Organization, input: unknown): Promise<SettingsView> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const overrides = parseSettingsOverrides(input);
  await saveOverrides(app.database.db, org.id, overrides);
  return settingsView(app, actor, org);
}

/** Adds or changes some of `org`'s own overrides, keeping the others (see replaceSettings). */
export async function updateSettings(app: AppContext, actor: Actor, org: Organization, changes: SettingsOverrides): Promise<SettingsView> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const current = (await overridesChain(app, org)).find((l) => l.orgId === org.id)?.overrides ?? {};
  return replaceSettings(app, actor, org, { ...current, ...changes });
}

/**
 * Removes `keys` from `org`'s own overrides (all of them when `keys` is empty), so those settings
 * are inherited again. ValidationError for a key that is not a setting.
 */
export async function resetSettings(app: AppContext, actor: Actor, org: Organization, keys: readonly string[] = []): Promise<SettingsView> {
  assertRole(actor, MANAGERS);
  assertOrgInScope(actor, org);
  const unknown = keys.filter((k) => !isSettingKey(k));
  if (unknown.length > 0) throw new ValidationError(`没有名为 ${unknown.join('、')} 的设置项`, unknown.map((k) => ({ field: k, message: '没有这个设置项' })));
  const current = (await overridesChain(app, org)).find((l) => l.orgId === org.id)?.overrides ?? {};
  const kept = keys.length === 0 ? {} : Object.fromEntries(Object.entries(current).filter(([k]) => !keys.includes(k)));
  return replaceSettings(app, actor, org, kept);
}
