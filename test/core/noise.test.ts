import { describe, expect, it } from 'vitest';
import { stripChatNoise } from '../../src/search/noise.js';

const clean = (text: string): string => stripChatNoise(text).replace(/\s+/g, ' ').trim();

describe('stripChatNoise', () => {
  it.each([
    ['Slack user, channel and group mentions', '<@U123ABC> <@U9|jane> <!channel> <!here> <#C1|general> <!subteam^S1|@privacy> do you sell my data', 'do you sell my data'],
    ['Discord user, role, channel, emoji and timestamp tokens', '<@123> <@!456> <@&789> <#42> <:wave:1> <a:dance:2> <t:1700000000:R> do you sell my data', 'do you sell my data'],
    ['plain @everyone, @here, @channel and @user', '@everyone @here @channel @jane.doe what personal data do you collect?', 'what personal data do you collect?'],
    ['e-mail addresses with their "mail me at" wrapper', 'how long do you keep my data? mail me at jane.doe@example.com', 'how long do you keep my data?'],
    ['URLs, including Slack links', 'see https://example.com/a?b=1 and <https://x.test|this page> or www.example.org', 'see and or'],
    ['ticket references', 'ticket #4521 (PRIV-123) is about cookies, case no. 88231', 'ticket ( ) is about cookies, case'],
    ['phone numbers with their wrapper', 'call me on +1 (617) 555-0100 about deletion', 'about deletion'],
  ])('removes %s', (_name, input, expected) => {
    expect(clean(input)).toBe(expected);
  });

  it.each([
    ['a name after a person word', 'my colleague Ana said we might share data', 'my colleague said we might share data'],
    ['a name before a speech verb', 'Marco and I were arguing about cookies', 'and I were arguing about cookies'],
    ['a name in a cc or greeting', 'hi Lena, so legal (cc Dana) asked', 'hi , so legal (cc ) asked'],
    ['a self-introduction', "Hey, I'm Tom from the Austin office", "Hey, I'm from the Austin office"],
  ])('removes people’s names in a story: %s', (_name, input, expected) => {
    expect(clean(input)).toBe(expected);
  });

  it('keeps capitalized words that are not introduced as names (acronyms, products, places, headings)', () => {
    for (const text of ['Does GDPR apply to DataRobot?', 'can I run it in Docker', 'what are User Metrics', 'is my data stored in Boston', 'is it encrypted with AES-256 or SOC-2 audited?']) {
      expect(clean(text)).toBe(text);
    }
  });

  it('keeps a European place before a speech verb: it is where the asker is, not who', () => {
    expect(clean('a user in Germany wants to know their rights')).toBe('a user in Germany wants to know their rights');
    expect(clean('a user in San Diego wants to know their rights')).toBe('a user in San Diego wants to know their rights');
    expect(clean('Dana wants to know their rights')).toBe('wants to know their rights');
  });

  it('keeps a word before a speech verb that the caller says is a word of the question ("Subscriber asks")', () => {
    const isQuestionWord = (word: string): boolean => word === 'subscriber';
    expect(stripChatNoise('Subscriber asks what we keep', { replacement: ' ', isQuestionWord }).trim()).toBe('Subscriber asks what we keep');
    expect(stripChatNoise('Dana asks what we keep', { replacement: ' ', isQuestionWord }).trim()).toBe('asks what we keep');
  });

  it('keeps short numbers, which are content ("under 18", "12 months")', () => {
    expect(clean('are under 18s allowed, and is it 12 months or 2022?')).toBe('are under 18s allowed, and is it 12 months or 2022?');
  });

  it('leaves text without noise unchanged', () => {
    expect(stripChatNoise('how long do you keep my data?')).toBe('how long do you keep my data?');
  });
});
