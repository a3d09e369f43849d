import { validator } from 'hono/validator';
import type * as z from 'zod';
import { ConsoleError } from './errors.js';

// Request input validated with zod, in one place: a refusal reads like every other error.

const refuse = (error: z.ZodError): never => {
  const issue = error.issues[0];
  const where = issue?.path.length ? `\`${issue.path.join('.')}\`: ` : '';
  throw new ConsoleError(400, 'invalid_request', `${where}${issue?.message ?? 'invalid input'}`);
};

/** The query string, as the schema says (single values: a repeated key takes its first value). */
export const validQuery = <T extends z.ZodType>(schema: T) =>
  validator('query', (value) => {
    const single = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
    const r = schema.safeParse(single);
    return r.success ? (r.data as z.infer<T>) : refuse(r.error);
  });

/** A JSON body, as the schema says. */
export const validJson = <T extends z.ZodType>(schema: T) =>
  validator('json', (value) => {
    const r = schema.safeParse(value);
    return r.success ? (r.data as z.infer<T>) : refuse(r.error);
  });
