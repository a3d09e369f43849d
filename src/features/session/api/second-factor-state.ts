import * as z from 'zod/mini';

// Part of every session answer (read at start-up), apart from the account's calls (loaded with its page).

export const secondFactorState = z.object({ enrolled: z.boolean(), required: z.boolean() });

/** Spread into a signed-in state: set only when the server holds the session to enrolment. */
export const mustEnrol = (f: z.infer<typeof secondFactorState> | undefined): { mustEnrol?: true } => (f?.required && !f.enrolled ? { mustEnrol: true } : {});
