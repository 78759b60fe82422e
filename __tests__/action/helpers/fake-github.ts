import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackServer } from '../../helpers/loopback-server.js';

/** A request as the fake GitHub API received it. */
export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization?: string;
}

interface Review {
  id: number;
  pull: number;
  body: string;
  commit_id: string;
  state: string;
  user: { login: string; type: string };
}

export interface ReviewComment {
  id: number;
  pull_request_review_id: number;
  pull: number;
  body: string;
  path: string;
  line: number | null;
  side: string;
  commit_id: string;
  user: { login: string; type: string };
}

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  message: string;
  times: number;
  headers: Record<string, string>;
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' };

/** GitHub's limit on an issue, review or review comment body. */
export const MAX_BODY = 65536;
const BODY_TOO_LONG = { message: 'Validation Failed', errors: [{ resource: 'PullRequestReview', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }] };
const tooLong = (body: string | undefined) => (body ?? '').length > MAX_BODY;

/**
 * The slice of the GitHub REST API the action uses, on 127.0.0.1, with the state a real pull
 * request would keep (reviews, review comments) and faults on demand: read-only tokens, 5xx.
 * Like GitHub, it rejects a review whose comment is on a line outside the pull request's diff,
 * and any body longer than GitHub's 65,536 characters.
 */
export class FakeGitHub extends LoopbackServer {
  readonly received: Received[] = [];
  readonly reviews: Review[] = [];
  readonly comments: ReviewComment[] = [];
  /** Path -> right-side lines of the pull request diff that accept comments. */
  diffLines = new Map<string, Set<number>>();
  /** Writes answer 403 as for a forked pull request's read-only GITHUB_TOKEN. */
  readOnly = false;
  private faults: Fault[] = [];
  private nextId = 1000;

  /** The next `times` requests matching method and path get `status`. */
  fail(method: string, path: RegExp, status: number, times = 1, message = 'Server Error', headers: Record<string, string> = {}): void {
    this.faults.push({ method, path, status, times, message, headers });
  }

  writes(): Received[] {
    return this.received.filter((r) => r.method !== 'GET');
  }

  /** Forget what was received (state stays), between runs of one scenario. */
  clearLog(): void {
    this.received.length = 0;
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : undefined;
    const method = req.method ?? 'GET';
    this.received.push({ method, path: url.pathname, query: url.searchParams, body, authorization: req.headers.authorization });
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(data === undefined ? '' : JSON.stringify(data));
    };
    const fault = this.faults.find((f) => f.times > 0 && f.method === method && f.path.test(url.pathname));
    if (fault) {
      fault.times--;
      return send(fault.status, { message: fault.message }, fault.headers);
    }
    if (method !== 'GET' && this.readOnly) {
      return send(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' });
    }
    let m: RegExpExecArray | null;
    if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/reviews$/.exec(url.pathname))) {
      const pull = Number(m[1]);
      if (method === 'GET') return send(200, this.reviews.filter((r) => r.pull === pull));
      if (method === 'POST') return this.createReview(pull, body as CreateReview, send);
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/comments$/.exec(url.pathname)) && method === 'GET') {
      return send(200, this.comments.filter((c) => c.pull === Number(m![1])));
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/comments\/(\d+)$/.exec(url.pathname)) && method === 'PATCH') {
      const comment = this.comments.find((c) => c.id === Number(m![1]));
      if (!comment) return send(404, { message: 'Not Found' });
      if (tooLong((body as { body: string }).body)) return send(422, BODY_TOO_LONG);
      comment.body = (body as { body: string }).body;
      return send(200, comment);
    }
    return send(404, { message: `Not Found (fake GitHub has no ${method} ${url.pathname})` });
  }

  private createReview(pull: number, input: CreateReview, send: (status: number, data: unknown) => void): void {
    if (tooLong(input.body) || (input.comments ?? []).some((c) => tooLong(c.body))) return send(422, BODY_TOO_LONG);
    for (const c of input.comments ?? []) {
      if (c.side !== 'RIGHT' || !this.diffLines.get(c.path)?.has(c.line)) {
        return send(422, { message: 'Unprocessable Entity', errors: ['Pull request review thread line must be part of the diff'] });
      }
    }
    const review: Review = { id: this.nextId++, pull, body: input.body ?? '', commit_id: input.commit_id, state: 'COMMENTED', user: BOT };
    this.reviews.push(review);
    for (const c of input.comments ?? []) {
      this.comments.push({ id: this.nextId++, pull_request_review_id: review.id, pull, body: c.body, path: c.path, line: c.line, side: c.side, commit_id: input.commit_id, user: BOT });
    }
    send(200, review);
  }
}

interface CreateReview {
  commit_id: string;
  body?: string;
  event?: string;
  comments?: { path: string; line: number; side: string; body: string }[];
}
