import { createAnswerTimes } from '@contract/answer-times';

/**
 * How far each app's host is from here, through the console's server: every IM call notes how long
 * its answer took, and the app list brings the server's own figure to start from.
 */
export const answerTimes = createAnswerTimes();
