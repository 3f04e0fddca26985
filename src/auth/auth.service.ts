import { createHash } from 'node:crypto';
import { Role } from '../common/enums.js';
import { addressSubject, type RateLimitDecision, type RateLimiter, type RateLimitRule } from '../rate-limit/rate-limiter.js';
import { isStorableText } from '../common/text.js';
import type { Clock } from '../common/time.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { BadUserInputError, RateLimitedError, UnauthenticatedError } from '../errors.js';
import { accountIdOf, requireSignedIn, type SignedInViewer } from '../viewer.js';
import { parseId } from '../common/pagination.js';
import { isPictureSequence, normalizeClassCode, sequenceText } from './login-cards.js';
import type { AccountRole } from './auth.repository.js';
import type { AuthPayload } from './auth.type.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';
import type { TokenIssuer } from './tokens.js';

const WRONG_CREDENTIALS = 'Wrong username or password.';

/**
 * Rate-limit subjects are hashes: no child's username, and no school's address, is written to Redis
 * as such. Parts are joined with a byte no username or address holds.
 */
function subjectOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);
}

function tryAgainIn(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`;
}

/**
 * Brute-force limits, shared by every instance through Redis. Two counters decide whether a
 * password is checked at all:
 * - per account: LOGIN_MAX_FAILURES failed checks, then LOGIN_LOCKOUT_SECONDS refused. A student's
 *   counts per username, wherever the guesses come from (a school's children share one address,
 *   so the address is no bound there; a child locked out by a classmate is the accepted cost). An
 *   administrator's counts per (username, client address): guesses from elsewhere never lock the
 *   operator out. Only accounts that exist have one, so random usernames leave no counter behind.
 * - per client address: LOGIN_UNKNOWN_PER_MINUTE failed checks a minute, unknown usernames and
 *   wrong passwords alike (were wrong passwords of known usernames not counted, how fast the bound
 *   is reached would tell which usernames exist). This bounds the password checks random usernames
 *   cost, and it is generous: a school's children sign in from one address.
 */
export class AuthService {
  private readonly studentGuesses: RateLimitRule;
  private readonly adminGuesses: RateLimitRule;
  private readonly pictureGuesses: RateLimitRule;
  private readonly addressFailures: RateLimitRule;

  constructor(
    private readonly tokens: TokenIssuer,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    limits: Config['rateLimits'],
  ) {
    // Every check of an account's password counts before it runs and a good one clears the count,
    // so parallel guesses cannot slip past the limit; the check that reaches it starts the lockout.
    const lockout = { limit: limits.loginMaxFailures, windowMs: limits.loginLockoutMs, blockMs: limits.loginLockoutMs };
    this.studentGuesses = { name: 'login', ...lockout };
    this.adminGuesses = { name: 'login-admin', ...lockout };
    this.pictureGuesses = { name: 'login-pictures', ...lockout };
    this.addressFailures = { name: 'login-address', limit: limits.loginUnknownPerMinute, windowMs: 60_000 };
    void decoyHash(); // computed now, so the first unknown username is not the one slow answer
  }

  /**
   * Checks a username and password. The answer never says whether the username exists, and an
   * unknown username costs the same password check as a known one (within the bound per address).
   * Past the failures allowed for an account, it is refused (RATE_LIMITED) whatever the password,
   * until the lockout is over; past the failures allowed from an address, so is every login from it.
   */
  async login(ctx: Context, usernameInput: string, password: string): Promise<AuthPayload> {
    const username = usernameInput.trim().toLowerCase();
    if (username.length < 1 || username.length > 64 || !isStorableText(username)) throw new BadUserInputError('username must be 1 to 64 characters of text.', 'username');
    if (password.length < 1 || password.length > 256) throw new BadUserInputError('password must be 1 to 256 characters.', 'password');

    // The account decides which counters apply, so it is looked up first (one indexed query),
    // and every counter is consulted before any password is checked.
    const address = subjectOf(addressSubject(ctx.clientAddress));
    const candidates = await ctx.repositories.auth.accountsByUsername(username);
    if (candidates.length === 0) {
      // Counted before the check: a flood of random usernames costs at most the bound in hashing.
      this.refuseAddressOver(await this.limiter.hit(this.addressFailures, address));
      await verifyPassword(await decoyHash(), password);
      throw new UnauthenticatedError(WRONG_CREDENTIALS);
    }
    // Counted once it fails: a school's good logins never use up its bound.
    this.refuseAddressOver(await this.limiter.peek(this.addressFailures, address));
    const checked = await this.countGuesses(candidates.map((c) => ({ ...c, ...this.guessCounter(c.role, username, ctx.clientAddress) })));
    let account = undefined;
    for (const c of checked) {
      if (c.passwordHash !== null && (await verifyPassword(c.passwordHash, password))) {
        account = c;
        break;
      }
    }
    if (!account) {
      await this.limiter.hit(this.addressFailures, address);
      throw new UnauthenticatedError(WRONG_CREDENTIALS);
    }
    await this.limiter.reset(account.rule, account.subject);

    if (account.role === 'ADMIN') return this.payload(ctx, { role: 'ADMIN', adminId: account.id, tokenVersion: account.tokenVersion });
    if (account.role === 'TEACHER') return this.payload(ctx, { role: 'TEACHER', teacherId: account.id, tokenVersion: account.tokenVersion });
    const base = await ctx.studentModel.beforeWrite(account.id);
    await ctx.repositories.students.markActive(account.id, this.clock.now());
    await ctx.studentModel.written(account.id, { base, profile: 'changed' });
    return this.payload(ctx, { role: 'STUDENT', studentId: account.id, tokenVersion: account.tokenVersion });
  }

  /** Ends every session of the signed-in account: tokens issued before now stop working. */
  async logout(ctx: Context): Promise<boolean> {
    const viewer = requireSignedIn(ctx.viewer);
    if (viewer.role === 'STUDENT') {
      const base = await ctx.studentModel.beforeWrite(viewer.studentId);
      await ctx.repositories.auth.bumpTokenVersion('STUDENT', viewer.studentId);
      await ctx.studentModel.written(viewer.studentId, { base, profile: 'changed' });
    } else {
      await ctx.repositories.auth.bumpTokenVersion(viewer.role, accountIdOf(viewer));
      if (viewer.role === 'TEACHER') await ctx.loaders.schoolWrites.teacher(viewer.teacherId);
    }
    return true;
  }

  /**
   * Replaces the signed-in account's password. Every token issued so far stops working (this one
   * included); the answer carries a fresh token. Wrong current passwords count as failed logins
   * of the username, so a stolen token is no way around the brute-force limit.
   */
  async changePassword(ctx: Context, currentPassword: string, newPassword: string): Promise<AuthPayload> {
    const viewer = requireSignedIn(ctx.viewer);
    const id = accountIdOf(viewer);
    const account = await ctx.repositories.auth.accountById(viewer.role, id);
    if (!account) throw new UnauthenticatedError();
    if (account.passwordHash === null) throw new BadUserInputError('This account signs in with its pictures: it has no password to change.', 'currentPassword');
    const counter = this.guessCounter(viewer.role, account.username, ctx.clientAddress);
    await this.countGuesses([counter]);
    if (!(await verifyPassword(account.passwordHash, currentPassword))) {
      throw new BadUserInputError('currentPassword is not the password of this account.', 'currentPassword');
    }
    await this.limiter.reset(counter.rule, counter.subject);
    if (newPassword === currentPassword) throw new BadUserInputError('newPassword must differ from the current password.', 'newPassword');

    const base = viewer.role === 'STUDENT' ? await ctx.studentModel.beforeWrite(id) : undefined;
    const tokenVersion = await ctx.repositories.auth.changePassword(viewer.role, id, await hashPassword(newPassword));
    if (tokenVersion === undefined) throw new UnauthenticatedError();
    if (viewer.role === 'STUDENT') await ctx.studentModel.written(id, { base, profile: 'changed' });
    if (viewer.role === 'TEACHER') await ctx.loaders.schoolWrites.teacher(id);
    return this.payload(ctx, { ...viewer, tokenVersion } as SignedInViewer);
  }

  /**
   * A child signs in with its class code, its id from the roster and its pictures in order. Wrong
   * sequences count toward a lockout of that child, wherever they come from, as passwords do (a
   * classmate can lock a child out: its teacher's resetLoginCard lifts it). Unknown class codes,
   * and children not of the class, count toward the address's bound, so codes cannot be enumerated.
   */
  async loginWithPictures(ctx: Context, typedCode: string, rawStudentId: string, pictures: readonly number[]): Promise<AuthPayload> {
    const studentId = parseId(rawStudentId, 'studentId');
    if (!isPictureSequence(pictures)) throw new BadUserInputError('pictures must be the ids of the pictures tapped, in order.', 'pictures');
    const address = subjectOf(addressSubject(ctx.clientAddress));
    this.refuseAddressOver(await this.limiter.peek(this.addressFailures, address));
    const code = normalizeClassCode(typedCode);
    const child = code === undefined ? undefined : await ctx.repositories.auth.childForPictures(code, studentId);
    if (!child || child.pictureHash === null) {
      this.refuseAddressOver(await this.limiter.hit(this.addressFailures, address));
      await verifyPassword(await decoyHash(), sequenceText(pictures));
      throw new UnauthenticatedError('Wrong class code or pictures.');
    }
    const counter = { rule: this.pictureGuesses, subject: subjectOf(`student:${studentId}`) };
    await this.countGuesses([counter]);
    if (!(await verifyPassword(child.pictureHash, sequenceText(pictures)))) throw new UnauthenticatedError('Wrong class code or pictures.');
    await this.limiter.reset(counter.rule, counter.subject);
    const base = await ctx.studentModel.beforeWrite(studentId);
    await ctx.repositories.students.markActive(studentId, this.clock.now());
    await ctx.studentModel.written(studentId, { base, profile: 'changed' });
    return this.payload(ctx, { role: 'STUDENT', studentId, tokenVersion: child.tokenVersion });
  }

  /** Lifts a child's picture lockout (its teacher gave it a new login card). */
  async liftChildLockout(studentId: number): Promise<void> {
    await this.limiter.reset(this.pictureGuesses, subjectOf(`student:${studentId}`));
  }

  /**
   * A class code nobody holds was asked for (the sign-in roster): counted toward the address's
   * bound of failures, as unknown usernames are. RATE_LIMITED past it, for codes known or not.
   */
  async countUnknownClassCode(ctx: Context, known: boolean): Promise<void> {
    const address = subjectOf(addressSubject(ctx.clientAddress));
    this.refuseAddressOver(await (known ? this.limiter.peek(this.addressFailures, address) : this.limiter.hit(this.addressFailures, address)));
  }

  /** The failed-check counter of an account: a child's per username, an adult's per (username, address). */
  private guessCounter(role: AccountRole, username: string, clientAddress: string): { rule: RateLimitRule; subject: string } {
    if (role === 'STUDENT') return { rule: this.studentGuesses, subject: subjectOf(username) };
    return { rule: this.adminGuesses, subject: subjectOf(username, addressSubject(clientAddress)) };
  }

  /**
   * Counts a password check on each account's counter; the accounts whose limit allows the check.
   * When none does, the login is refused (RATE_LIMITED, with the shortest wait).
   */
  private async countGuesses<T extends { rule: RateLimitRule; subject: string }>(accounts: T[]): Promise<T[]> {
    const decisions = await Promise.all(accounts.map((a) => this.limiter.hit(a.rule, a.subject)));
    const allowed = accounts.filter((_, i) => decisions[i]!.allowed);
    if (allowed.length === 0) {
      const wait = Math.min(...decisions.map((d) => d.retryAfterSeconds));
      throw new RateLimitedError(`Too many failed sign-ins for this username. ${tryAgainIn(wait)}`, wait);
    }
    return allowed;
  }

  /** Refuses a login from an address past its failures for the minute (the same answer whether the username exists or not). */
  private refuseAddressOver(decision: RateLimitDecision): void {
    if (decision.allowed) return;
    throw new RateLimitedError(`Too many failed sign-ins from this network. ${tryAgainIn(decision.retryAfterSeconds)}`, decision.retryAfterSeconds);
  }

  /** A fresh token for the viewer, with the student as it is now (its cached profile was invalidated). */
  private async payload(ctx: Context, viewer: SignedInViewer): Promise<AuthPayload> {
    if (viewer.role === 'ADMIN') return { token: await this.tokens.sign(viewer), role: Role.ADMIN, student: null, teacherId: null };
    if (viewer.role === 'TEACHER') return { token: await this.tokens.sign(viewer), role: Role.TEACHER, student: null, teacherId: viewer.teacherId };
    const [student, token] = await Promise.all([ctx.studentModel.profile(viewer.studentId), this.tokens.sign(viewer)]);
    return { token, role: Role.STUDENT, student, teacherId: null };
  }
}

declare module '../context.js' {
  interface Services {
    auth: AuthService;
  }
}
