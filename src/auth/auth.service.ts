import { createHash } from 'node:crypto';
import { scope } from '../cache/namespaces.js';
import { Role } from '../common/enums.js';
import type { RateLimiter, RateLimitRule } from '../common/rate-limiter.js';
import { isStorableText } from '../common/text.js';
import type { Clock } from '../common/time.js';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import { BadUserInputError, RateLimitedError, UnauthenticatedError } from '../errors.js';
import { requireSignedIn, type SignedInViewer } from './viewer.js';
import type { AuthPayload } from './auth.type.js';
import { decoyHash, hashPassword, verifyPassword } from './passwords.js';
import type { TokenIssuer } from './tokens.js';

const WRONG_CREDENTIALS = 'Wrong username or password.';

/**
 * The brute-force counter of a username, shared by every instance through Redis. Keyed by a hash
 * of the username: counted whether or not the account exists (so a refusal says nothing about
 * it), and no child's username is written to Redis.
 */
function passwordGuessSubject(username: string): string {
  return createHash('sha256').update(username).digest('base64url').slice(0, 22);
}

export class AuthService {
  private readonly guesses: RateLimitRule;

  constructor(
    private readonly tokens: TokenIssuer,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    limits: Config['rateLimits'],
  ) {
    // Every password check counts before it runs and a good one clears the count, so parallel
    // guesses cannot slip past the limit; the check that reaches it starts the lockout.
    this.guesses = { name: 'login', limit: limits.loginMaxFailures, windowMs: limits.loginLockoutMs, blockMs: limits.loginLockoutMs };
    void decoyHash(); // computed now, so the first unknown username is not the one slow answer
  }

  /**
   * Checks a username and password. The answer never says whether the username exists, and an
   * unknown username costs the same password check as a known one. Past the failures allowed for
   * a username, it is refused (RATE_LIMITED) whatever the password, until the lockout is over.
   */
  async login(ctx: Context, usernameInput: string, password: string): Promise<AuthPayload> {
    const username = usernameInput.trim().toLowerCase();
    if (username.length < 1 || username.length > 64 || !isStorableText(username)) throw new BadUserInputError('username must be 1 to 64 characters of text.', 'username');
    if (password.length < 1 || password.length > 256) throw new BadUserInputError('password must be 1 to 256 characters.', 'password');

    const subject = passwordGuessSubject(username);
    await this.countGuess(subject);
    const candidates = await ctx.repositories.auth.accountsByUsername(username);
    let account = undefined;
    if (candidates.length === 0) {
      await verifyPassword(await decoyHash(), password);
    } else {
      for (const c of candidates) {
        if (await verifyPassword(c.passwordHash, password)) {
          account = c;
          break;
        }
      }
    }
    if (!account) throw new UnauthenticatedError(WRONG_CREDENTIALS);
    await this.limiter.reset(this.guesses, subject);

    if (account.role === 'ADMIN') return this.payload(ctx, { role: 'ADMIN', adminId: account.id, tokenVersion: account.tokenVersion });
    await ctx.repositories.students.markActive(account.id, this.clock.now());
    await ctx.cache.invalidate([scope.student(account.id)]);
    return this.payload(ctx, { role: 'STUDENT', studentId: account.id, tokenVersion: account.tokenVersion });
  }

  /** Ends every session of the signed-in account: tokens issued before now stop working. */
  async logout(ctx: Context): Promise<boolean> {
    const viewer = requireSignedIn(ctx.viewer);
    if (viewer.role === 'STUDENT') {
      await ctx.repositories.auth.bumpTokenVersion('STUDENT', viewer.studentId);
      await ctx.cache.invalidate([scope.student(viewer.studentId)]);
    } else {
      await ctx.repositories.auth.bumpTokenVersion('ADMIN', viewer.adminId);
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
    const id = viewer.role === 'STUDENT' ? viewer.studentId : viewer.adminId;
    const account = await ctx.repositories.auth.accountById(viewer.role, id);
    if (!account) throw new UnauthenticatedError();
    const subject = passwordGuessSubject(account.username);
    await this.countGuess(subject);
    if (!(await verifyPassword(account.passwordHash, currentPassword))) {
      throw new BadUserInputError('currentPassword is not the password of this account.', 'currentPassword');
    }
    await this.limiter.reset(this.guesses, subject);
    if (newPassword === currentPassword) throw new BadUserInputError('newPassword must differ from the current password.', 'newPassword');

    const tokenVersion = await ctx.repositories.auth.changePassword(viewer.role, id, await hashPassword(newPassword));
    if (tokenVersion === undefined) throw new UnauthenticatedError();
    if (viewer.role === 'STUDENT') await ctx.cache.invalidate([scope.student(id)]);
    return this.payload(ctx, { ...viewer, tokenVersion } as SignedInViewer);
  }

  /** Refuses a password check past the limit of its username (RATE_LIMITED, with the wait). */
  private async countGuess(subject: string): Promise<void> {
    const decision = await this.limiter.hit(this.guesses, subject);
    if (!decision.allowed) {
      const minutes = Math.ceil(decision.retryAfterSeconds / 60);
      throw new RateLimitedError(`Too many failed sign-ins for this username. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`, decision.retryAfterSeconds);
    }
  }

  /** A fresh token for the viewer, with the student as it is now (its cached profile was invalidated). */
  private async payload(ctx: Context, viewer: SignedInViewer): Promise<AuthPayload> {
    if (viewer.role === 'ADMIN') return { token: await this.tokens.sign(viewer), role: Role.ADMIN, student: null };
    ctx.loaders.student.clear(viewer.studentId);
    const [student, token] = await Promise.all([ctx.loaders.student.load(viewer.studentId), this.tokens.sign(viewer)]);
    return { token, role: Role.STUDENT, student };
  }
}
