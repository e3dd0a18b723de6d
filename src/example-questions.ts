/**
 * Questions people commonly ask about any privacy policy, in their own words. The Slack Home tab and an empty Discord
 * autocomplete show the ones the loaded policy answers (see `exampleQuestions` in `src/suggest.ts`), so a policy that
 * does not cover one never advertises it. General to privacy policies, never to one company; a test lints the list.
 */
export const EXAMPLE_QUESTIONS: readonly string[] = [
  'How long do you keep my data?',
  'Do you sell my data?',
  'Who do you share my data with?',
  'What personal data do you collect?',
  'How do I delete my account?',
  'How do I opt out of marketing emails?',
  'Do you use cookies?',
  'How do you protect my data?',
  'What are my rights under GDPR?',
  'Do you collect data from children?',
  'Who do I contact about privacy?',
];
