import { describe, expect, it } from 'vitest';
import { codeNameOffsets, codeNamesOf, spellsCodeName } from '../../src/query/code-names.js';

describe('code names in questions and passages', () => {
  it('finds names written as code, once each, in lower case', () => {
    expect(codeNamesOf('What does the user_session cookie do? And User_Session again?')).toEqual(['user_session']);
    expect(codeNamesOf('is __stripe_mid set even on the free plan?')).toEqual(['__stripe_mid']);
    expect(codeNamesOf('how long do you keep my data?')).toEqual([]);
  });

  it('matches a name spelled whole, not inside a longer one', () => {
    expect(codeNameOffsets('github — user_session — used to log you in', 'user_session')).toEqual([9]);
    expect(codeNameOffsets('the _user_session_id cookie', 'user_session')).toEqual([]);
    expect(spellsCodeName('GitHub — `user_session` — This cookie is used to log you in.', ['user_session'])).toBe(true);
    expect(spellsCodeName('Microsoft — MSO — This cookie identifies a user session.', ['user_session'])).toBe(false);
  });
});
