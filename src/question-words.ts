/**
 * Word lists about how questions are phrased. `readsAsQuestion` (`src/reads-as-question.ts`) uses them to tell a
 * question without a question mark from a statement; `suggestQuestions` (`src/suggest.ts`) to ignore typed words that
 * say nothing about a topic. Lower case, apostrophes removed ("what's" → "whats"); a test lints them. English only,
 * like the rest of the answerer.
 */

/** A message that starts with one of these reads as a question: interrogatives, and verbs statements rarely open with. */
export const QUESTION_OPENERS: readonly string[] = [
  'how', 'hows', 'what', 'whats', 'when', 'whens', 'where', 'wheres', 'which', 'who', 'whos', 'whom', 'whose', 'why', 'whys',
  'is', 'isnt', 'are', 'arent', 'am', 'was', 'wasnt', 'were', 'werent', 'does', 'doesnt', 'did', 'didnt', 'has', 'hasnt',
];

/**
 * Auxiliaries that open a question only when a subject from {@link QUESTION_SUBJECTS} follows: "can I…", "do you…",
 * "should we…". Followed by anything else they open instructions and statements ("Do not share…", "Will do").
 */
export const AUXILIARIES_BEFORE_SUBJECT: readonly string[] = [
  'can', 'cant', 'could', 'couldnt', 'do', 'dont', 'will', 'wont', 'would', 'wouldnt', 'should', 'shouldnt', 'shall',
  'may', 'might', 'must', 'have', 'havent', 'had',
];

/** Subjects that make an auxiliary open a question. Articles are left out: "Have a great weekend" is no question. */
export const QUESTION_SUBJECTS: readonly string[] = [
  'i', 'we', 'you', 'u', 'they', 'he', 'she', 'it', 'someone', 'somebody', 'anyone', 'anybody', 'one', 'my', 'our',
  'your', 'their', 'this', 'that', 'these', 'those', 'there',
];

/** Phrases (whole words, in order) that open a question without a question word: "anyone know if…". */
export const QUESTION_PHRASES: readonly string[] = [
  'anyone know', 'anybody know', 'any idea', 'any ideas', 'i wonder', 'i was wondering', 'wondering if', 'wondering whether',
  'quick question', 'question about', 'question on', 'question regarding',
];

/** Words skipped at the start before looking for an opener: "Hi, …", "Sorry, …", "So …". */
export const LEADING_GREETINGS: readonly string[] = [
  'hi', 'hey', 'hello', 'hiya', 'howdy', 'yo', 'morning', 'afternoon', 'evening', 'good', 'greetings', 'sorry', 'so',
  'also', 'and', 'but', 'btw', 'um', 'uh', 'hmm', 'question', 'please',
];

/**
 * Words that address people, skipped only right after a greeting ("Hi all, …", "Hey team …"): at the very start they
 * begin statements ("All are welcome", "Everyone is invited").
 */
export const ADDRESSEES: readonly string[] = ['all', 'everyone', 'everybody', 'team', 'folks', 'guys', 'yall', 'there', 'people', 'friends'];

/**
 * Short words that carry no topic, on top of the lists above: typed into a suggestion box they must not match headings
 * ("what is the weather" has nothing to do with "To provide and support the solution").
 */
export const NON_TOPIC_WORDS: readonly string[] = [
  'the', 'and', 'for', 'with', 'about', 'from', 'into', 'onto', 'than', 'then', 'any', 'all', 'some', 'not', 'nor',
  'our', 'your', 'yours', 'their', 'them', 'his', 'her', 'its', 'him', 'out', 'off', 'get', 'got', 'just', 'also', 'way',
];
