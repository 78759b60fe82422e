import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from '../helpers/loopback-server.js';

export interface FakeRepo {
  full_name: string;
  default_branch?: string;
  archived?: boolean;
  disabled?: boolean;
  fork?: boolean;
  size?: number;
}

export interface Upload {
  owner: string;
  repo: string;
  body: { commit_sha: string; ref: string; sarif: string; tool_name?: string };
  authorization?: string;
}

/**
 * The two endpoints the org commands use, on 127.0.0.1, paginated like GitHub: `per_page`
 * honoured, a `Link` header with rel="next" until the last page. Organisations and users are
 * separate, as on GitHub (an organisation's name 404s on the users endpoint and back).
 */
export class FakeOrgApi extends LoopbackServer {
  orgs = new Map<string, FakeRepo[]>();
  users = new Map<string, FakeRepo[]>();
  uploads: Upload[] = [];
  requests: string[] = [];
  /** The next `n` requests answer this status (5xx: Octokit retries). */
  failNext: { status: number; n: number } = { status: 0, n: 0 };
  token = 'test-token';

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (this.failNext.n > 0) {
      this.failNext.n--;
      return send(this.failNext.status, { message: 'Server Error' });
    }
    if (req.headers.authorization !== `token ${this.token}`) return send(401, { message: 'Bad credentials' });
    const list = /^\/(orgs|users)\/([^/]+)\/repos$/.exec(url.pathname);
    if (req.method === 'GET' && list) {
      const repos = (list[1] === 'orgs' ? this.orgs : this.users).get(list[2]);
      if (!repos) return send(404, { message: 'Not Found' });
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const pages = Math.max(1, Math.ceil(repos.length / perPage));
      const headers: Record<string, string> = {};
      if (page < pages) {
        const next = new URL(url);
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next}>; rel="next", <${this.url}${url.pathname}?per_page=${perPage}&page=${pages}>; rel="last"`;
      }
      return send(200, repos.slice((page - 1) * perPage, page * perPage), headers);
    }
    const sarif = /^\/repos\/([^/]+)\/([^/]+)\/code-scanning\/sarifs$/.exec(url.pathname);
    if (req.method === 'POST' && sarif) {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Upload['body'];
      this.uploads.push({ owner: sarif[1], repo: sarif[2], body, authorization: req.headers.authorization });
      return send(202, { id: `upload-${this.uploads.length}`, url: `${this.url}/repos/${sarif[1]}/${sarif[2]}/code-scanning/sarifs/upload-${this.uploads.length}` });
    }
    send(404, { message: 'Not Found' });
  }
}
