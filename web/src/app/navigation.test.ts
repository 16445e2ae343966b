import { describe, expect, it } from 'vitest';
import { backLinkOf, crumbsFor, sectionOf, sectionsFor } from './navigation.ts';

describe('navigation', () => {
  it('gives breadcrumbs down to a detail page and its edit form', () => {
    expect(crumbsFor('/activities')).toEqual([{ label: '组织生活' }]);
    expect(crumbsFor('/activities/new')).toEqual([{ label: '组织生活', to: '/activities' }, { label: '登记活动' }]);
    expect(crumbsFor('/activities/a1/edit')).toEqual([
      { label: '组织生活', to: '/activities' }, { label: '活动详情', to: '/activities/a1' }, { label: '修改' },
    ]);
  });
  it('leads a detail page back to its parent, and a section page nowhere', () => {
    expect(backLinkOf('/activities/a1')).toEqual({ label: '组织生活', to: '/activities' });
    expect(backLinkOf('/activities/a1/edit')).toEqual({ label: '活动详情', to: '/activities/a1' });
    expect(backLinkOf('/dues')).toBeNull();
  });
  it('does not take /members-like prefixes for a section', () => {
    expect(sectionOf('/membership')).toBe('/dashboard');
    expect(sectionOf('/recycle-bin')).toBe('/recycle-bin');
  });
  it('shows account management to administrators only', () => {
    expect(sectionsFor('admin').map((s) => s.key)).toContain('/accounts');
    expect(sectionsFor('orgAdmin').map((s) => s.key)).not.toContain('/accounts');
  });
});
