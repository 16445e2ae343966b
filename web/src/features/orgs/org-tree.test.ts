import { describe, expect, it } from 'vitest';
import type { Org } from '../../lib/types.ts';
import { buildOrgTree, initialScope, subgroupsOf } from './org-tree.ts';

function org(id: string, parentId: string | null, type: Org['type'] = 'partyBranch'): Org {
  return { id, parentId, type, typeLabel: '', name: `组织${id}`, unitKind: 'organ', establishedOn: null, depth: 0 };
}

describe('buildOrgTree', () => {
  it('nests children under parents and drops party subgroups', () => {
    const tree = buildOrgTree([org('c', null, 'primaryPartyCommittee'), org('b1', 'c'), org('g1', 'b1', 'partySubgroup'), org('b2', 'c')]);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.children.map((n) => n.key)).toEqual(['b1', 'b2']);
    expect(tree[0]!.children[0]!.children).toEqual([]);
  });
  it('makes the top of a partial subtree a root', () => {
    const tree = buildOrgTree([org('b1', 'hidden-committee')]);
    expect(tree.map((n) => n.key)).toEqual(['b1']);
  });
});

describe('initialScope', () => {
  const orgs = [org('c', null, 'primaryPartyCommittee'), org('b1', 'c')];
  it('prefers the remembered organization when still visible', () => {
    expect(initialScope(orgs, 'b1', 'c')).toBe('b1');
    expect(initialScope(orgs, 'gone', 'b1')).toBe('b1');
  });
  it('falls back to the first root', () => {
    expect(initialScope(orgs, null, null)).toBe('c');
    expect(initialScope([], null, null)).toBeNull();
  });
});

describe('subgroupsOf', () => {
  it('lists only the subgroups of that branch', () => {
    const orgs = [org('b1', 'c'), org('g1', 'b1', 'partySubgroup'), org('g2', 'b2', 'partySubgroup')];
    expect(subgroupsOf(orgs, 'b1').map((o) => o.id)).toEqual(['g1']);
  });
});
