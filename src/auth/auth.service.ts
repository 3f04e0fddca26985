import { scope } from '../cache/namespaces.js';
import { Role } from '../common/enums.js';
import type { Clock } from '../common/time.js';
import type { Context } from '../context.js';
import { BadUserInputError, UnauthenticatedError } from '../errors.js';
import { requireSignedIn } from './viewer.js';
import type { StudentsRepository } from '../students/students.repository.js';
import type { AuthRepository } from './auth.repository.js';
import type { AuthPayload } from './auth.type.js';
import { decoyHash, verifyPassword } from './passwords.js';
import type { TokenIssuer } from './tokens.js';

const WRONG_CREDENTIALS = 'Wrong username or password.';

export class AuthService {
  /** Ends every session of the signed-in account: tokens issued before now stop working. */
  async logout(ctx: Context): Promise<boolean> {
    const viewer = requireSignedIn(ctx.viewer);
    if (viewer.role === 'STUDENT') {
      await this.accounts.bumpTokenVersion('STUDENT', viewer.studentId);
      await ctx.cache.invalidate([scope.student(viewer.studentId)]);
    } else {
      await this.accounts.bumpTokenVersion('ADMIN', viewer.adminId);
    }
    return true;
  }

  constructor(
    private readonly accounts: AuthRepository,
    private readonly students: StudentsRepository,
    private readonly tokens: TokenIssuer,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks a username and password. The answer never says whether the username exists, and an
   * unknown username costs the same password check as a known one.
   */
  async login(ctx: Context, usernameInput: string, password: string): Promise<AuthPayload> {
    const username = usernameInput.trim().toLowerCase();
    if (username.length < 1 || username.length > 64) throw new BadUserInputError('username must be 1 to 64 characters.', 'username');
    if (password.length < 1 || password.length > 256) throw new BadUserInputError('password must be 1 to 256 characters.', 'password');

    const candidates = await this.accounts.accountsByUsername(username);
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

    if (account.role === 'ADMIN') {
      const token = await this.tokens.sign({ role: 'ADMIN', adminId: account.id, tokenVersion: account.tokenVersion });
      return { token, role: Role.ADMIN, student: null };
    }
    await this.students.markActive(account.id, this.clock.now());
    await ctx.cache.invalidate([scope.student(account.id)]);
    ctx.loaders.student.clear(account.id);
    const [student, token] = await Promise.all([
      ctx.loaders.student.load(account.id),
      this.tokens.sign({ role: 'STUDENT', studentId: account.id, tokenVersion: account.tokenVersion }),
    ]);
    return { token, role: Role.STUDENT, student };
  }
}
