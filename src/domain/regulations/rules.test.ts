import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, RULE_IDS } from './rules.ts';

const page = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');

describe('rule table', () => {
  it('every implemented rule has a citation naming a document', () => {
    for (const id of RULE_IDS) expect(RULES[id].citation.length, id).toBeGreaterThan(3);
  });
  it('rules resting on L sources are never errors', () => {
    expect(RULE_IDS.filter((id) => RULES[id].confidence === 'L' && RULES[id].severity === 'error')).toEqual([]);
  });
  it('the rules page lists every implemented rule as implemented', () => {
    for (const id of RULE_IDS) expect(page, id).toMatch(new RegExp(`\\| ${id} \\| (implemented|covered)`));
  });
});
