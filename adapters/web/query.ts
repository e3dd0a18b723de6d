/**
 * Validation of the support desk's query parameters. Anything a user can type into a URL ends here as a 400 with a
 * message saying what to change, never as an exception further down.
 */

/** Limits of the question API. */
export const questionLimits = {
  /** Longest question accepted, in characters (Unicode code points). */
  maxQuestionLength: 1000,
  /** Largest `top` accepted. */
  maxTop: 10,
} as const;

/** A validated question request. `top` is absent when the caller did not give one (the answerer's default applies). */
export interface QuestionQuery {
  question: string;
  top?: number;
}

/** A rejected request, with the message returned to the caller as `{ error }`. */
export class BadRequestError extends Error {
  constructor(message: string) {
    super(`web: ${message}`);
    this.name = 'BadRequestError';
  }
}

const QUESTION_PARAMS = new Set(['q', 'top']);

/**
 * Reads `q` (required, 1 to 1,000 characters, given once) and `top` (optional whole number 1 to 10, given once).
 * Unknown parameters are rejected rather than ignored, so a misspelt `tpo=5` does not silently fall back to defaults.
 *
 * @example
 * parseQuestionQuery(new URLSearchParams('q=Do+you+sell+my+data%3F&top=2'))
 * // => { question: 'Do you sell my data?', top: 2 }
 */
export function parseQuestionQuery(params: URLSearchParams): QuestionQuery {
  for (const name of new Set(params.keys())) {
    if (!QUESTION_PARAMS.has(name)) throw new BadRequestError(`unknown parameter "${truncate(name)}"; use q (the question) and top (1 to ${questionLimits.maxTop})`);
  }
  const questions = params.getAll('q');
  if (questions.length === 0) throw new BadRequestError('missing parameter q (the question)');
  if (questions.length > 1) throw new BadRequestError('give parameter q only once');
  const question = questions[0]!.trim();
  if (question === '') throw new BadRequestError('parameter q (the question) is empty');
  const length = [...question].length;
  if (length > questionLimits.maxQuestionLength) {
    throw new BadRequestError(`parameter q is too long: ${length} characters, at most ${questionLimits.maxQuestionLength}`);
  }

  const tops = params.getAll('top');
  if (tops.length > 1) throw new BadRequestError('give parameter top only once');
  if (tops.length === 0) return { question };
  const topText = tops[0]!;
  const top = Number(topText);
  if (!/^\d{1,3}$/.test(topText) || top < 1 || top > questionLimits.maxTop) {
    throw new BadRequestError(`parameter top must be a whole number from 1 to ${questionLimits.maxTop} (got "${truncate(topText)}")`);
  }
  return { question, top };
}

/** Echoed values are cut short so an error response never grows with the input. */
function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
