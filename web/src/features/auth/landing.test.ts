import { describe, expect, it } from 'vitest';
import { landingPath } from './landing.ts';

describe('landingPath', () => {
  it('sends each role home without a next page', () => {
    expect(landingPath('member', null)).toBe('/me/upcoming');
    expect(landingPath('orgAdmin', null)).toBe('/dashboard');
  });
  it('follows a local next page', () => {
    expect(landingPath('orgAdmin', '/activities?x=1')).toBe('/activities?x=1');
    expect(landingPath('member', '/sign-in?token=abc')).toBe('/sign-in?token=abc');
  });
  it('refuses other sites and pages outside a member’s reach', () => {
    expect(landingPath('admin', '//evil.example/')).toBe('/dashboard');
    expect(landingPath('admin', 'https://evil.example/')).toBe('/dashboard');
    expect(landingPath('member', '/members')).toBe('/me/upcoming');
    expect(landingPath('admin', '/login')).toBe('/dashboard');
  });
});
