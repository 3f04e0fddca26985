/**
 * A small GraphQL client for the admin commands (monitor, cache:stats, cache:clear): they talk to
 * a running server through its API, as an admin, so they see that server's own figures.
 */
export interface AdminClientOptions {
  url: string;
  username: string;
  password: string;
}

export class AdminClient {
  private token: string | undefined;

  constructor(private readonly options: AdminClientOptions) {}

  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    if (!this.token) this.token = await this.login();
    const body = await this.post(query, variables, this.token);
    if (body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      this.token = await this.login(); // the token expired or was revoked: sign in again once
      return this.unwrap<T>(await this.post(query, variables, this.token));
    }
    return this.unwrap<T>(body);
  }

  private async login(): Promise<string> {
    const body = await this.post('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token role } }', { u: this.options.username, p: this.options.password });
    const login = this.unwrap<{ login: { token: string; role: string } }>(body).login;
    if (login.role !== 'ADMIN') throw new Error(`${this.options.username} is not an admin`);
    return login.token;
  }

  private async post(query: string, variables: Record<string, unknown>, token?: string): Promise<GraphQLBody> {
    const res = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(5_000),
    });
    const text = await res.text();
    try {
      return JSON.parse(text) as GraphQLBody;
    } catch {
      throw new Error(`${this.options.url} answered ${res.status}: ${text.slice(0, 200)}`);
    }
  }

  private unwrap<T>(body: GraphQLBody): T {
    if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.message} (${e.extensions?.code ?? 'no code'})`).join('; '));
    return body.data as T;
  }
}

interface GraphQLBody {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}
