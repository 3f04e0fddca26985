import { IsInt, Matches, Max, Min, registerDecorator, type ValidationOptions } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { JSONScalar } from '../common/scalars.js';
import { isStorableText } from '../common/text.js';

export const MAX_ANSWER_BYTES = 4_096;
export const MAX_ANSWER_DEPTH = 8;

/**
 * Whether a JSON value nests no deeper than `max` and holds only text and numbers the database can
 * store (it is kept as jsonb; 1e400 in the request's JSON arrives as Infinity, which JSON text
 * cannot carry: it would be stored as null, another answer than the one sent). Iterative: a
 * hostile answer 40,000 arrays deep (it fits in the body limit) would overflow the stack of a
 * recursive walk or of JSON.stringify.
 */
function nestsWithin(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string' && !isStorableText(v)) return false;
    if (typeof v === 'number' && !Number.isFinite(v)) return false;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return false;
    for (const [key, child] of Object.entries(v)) {
      if (!isStorableText(key)) return false;
      stack.push([child, depth + 1]);
    }
  }
  return true;
}

/** The answer, as JSON, fits in MAX_ANSWER_BYTES and MAX_ANSWER_DEPTH (a child's answer is a few words or numbers). */
function SmallJson(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'smallJson',
      target: target.constructor,
      propertyName,
      options: { message: `$property must be at most ${MAX_ANSWER_BYTES} bytes of JSON, nested at most ${MAX_ANSWER_DEPTH} deep, without U+0000, lone surrogates or numbers beyond ±1.7e308`, ...options },
      validator: {
        validate: (value: unknown) => value !== undefined && nestsWithin(value, MAX_ANSWER_DEPTH) && Buffer.byteLength(JSON.stringify(value) ?? '') <= MAX_ANSWER_BYTES,
      },
    });
}

/**
 * The answer as the database holds it (jsonb, reached through JSON text): -0 is 0. The answer is
 * graded, stored and compared with a retry's in this form, so that a retry of an answer is the
 * same answer as the one stored. For one request: the validated input in, a new value out.
 */
export function storedForm(answer: unknown): unknown {
  return JSON.parse(JSON.stringify(answer)) as unknown;
}

@InputType({ description: 'An answer to one exercise.' })
export class AttemptInput {
  @Field(() => ID, { description: 'The exercise answered.' })
  exerciseId!: string;

  @Field(() => JSONScalar, {
    description: 'The answer: a choice id, a number, a text or a list of item ids, bare or as the solution object ({"choice": "b"}, {"value": 56}, {"text": "chat"}, {"order": [...]}).',
  })
  @SmallJson()
  answer!: unknown;

  @Field(() => Int, { description: 'Time spent on the exercise, 0 to 3600 seconds.' })
  @IsInt()
  @Min(0)
  @Max(3600)
  durationSeconds!: number;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Hints shown, 0 to 10.' })
  @Min(0)
  @Max(10)
  hintsUsed?: number | null;

  @Field(() => String, { description: 'Set by the client once per attempt; a retry with the same key is recorded once. 8 to 64 characters: letters, digits, - _ : .' })
  @Matches(/^[A-Za-z0-9_\-:.]{8,64}$/, { message: 'idempotencyKey must be 8 to 64 letters, digits, -, _, : or .' })
  idempotencyKey!: string;
}
