// The bare baseline: node:http + jose + better-sqlite3 doing the product's work with no framework.
// The benchmark measures the product against it in the same run (targets are ratios to it).
//   MODE=full    verify the Bearer JWT (EdDSA, iss/aud/exp, key imported once), check the path's user
//                against `sub`, then GET: read a page of tasks (camelCase JSON, nextCursor) or
//                POST: parse + check the body, insert a task (UUIDv7 id) and return it (201).
//   MODE=verify  verify only: 401 on a bad token, else a fixed 50-task body (no database).
// No caching of verified tokens: every request pays a full signature check, like the bare stack
// the targets are defined against.
// Env: MODE, DB_PATH (full), KEY_PATH (public JWK JSON), ISSUER, AUDIENCE, SYNCHRONOUS (default FULL). Listens on an ephemeral
// port on 127.0.0.1 and prints {"event":"ready","apiBaseUrl":...} like the headless host.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { URLSearchParams } from 'node:url';
import { importJWK, jwtVerify } from 'jose';

const { MODE = 'full', DB_PATH, KEY_PATH, ISSUER, AUDIENCE } = process.env;
const key = await importJWK(JSON.parse(readFileSync(KEY_PATH, 'utf8')), 'EdDSA');
const verifyOptions = { algorithms: ['EdDSA'], issuer: ISSUER, audience: AUDIENCE };
const PRIORITIES = ['none', 'low', 'medium', 'high'];

const toTask = (r) => ({
  id: r.id,
  userId: r.user_id,
  title: r.title,
  description: r.description,
  completed: r.completed === 1,
  completedAt: r.completed_at,
  priority: PRIORITIES[r.priority] ?? 'none',
  dueAt: r.due_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

let list;
let create;
if (MODE === 'full') {
  const Database = (await import('better-sqlite3')).default;
  const { uuidv7 } = await import('uuidv7');
  const db = new Database(DB_PATH);
  db.pragma('journal_mode = WAL');
  // The product's pragmas (src-main/db/open-database.ts), so a write costs the same fsync.
  db.pragma(`synchronous = ${process.env.SYNCHRONOUS ?? 'FULL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const cols =
    'id, user_id, title, description, completed, completed_at, priority, due_at, created_at, updated_at';
  const page = db.prepare(
    `SELECT ${cols} FROM tasks WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
  );
  const insert = db.prepare(
    `INSERT INTO tasks (${cols}) VALUES (?, ?, ?, ?, 0, NULL, ?, NULL, ?, ?) RETURNING ${cols}`,
  );
  list = (user, query) => {
    const limit = Math.min(200, Math.max(1, Number(query.get('limit') ?? 50) | 0));
    const offset = Math.max(0, Number(query.get('offset') ?? 0) | 0);
    const rows = page.all(user, limit, offset);
    const last = rows.length === limit ? rows[rows.length - 1] : null;
    const nextCursor = last
      ? Buffer.from(JSON.stringify([last.created_at, last.id])).toString('base64url')
      : null;
    return [200, JSON.stringify({ items: rows.map(toTask), nextCursor })];
  };
  create = (user, raw) => {
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      return [400, '{"error":{"code":"MALFORMED_JSON","message":"Body is not JSON."}}'];
    }
    const title = typeof body?.title === 'string' ? body.title.trim() : '';
    const description = body?.description ?? '';
    const priority = body?.priority ?? 'none';
    if (!title || title.length > 500 || typeof description !== 'string' || !PRIORITIES.includes(priority)) {
      return [422, '{"error":{"code":"VALIDATION_FAILED","message":"Invalid task."}}'];
    }
    const now = new Date().toISOString();
    return [
      201,
      JSON.stringify(
        toTask(insert.get(uuidv7(), user, title, description, PRIORITIES.indexOf(priority), now, now)),
      ),
    ];
  };
} else {
  const now = new Date(0).toISOString();
  const fixed = JSON.stringify({
    items: Array.from({ length: 50 }, (_, i) =>
      toTask({
        id: String(i),
        user_id: 'u',
        title: `task ${i}`,
        description: '',
        completed: 0,
        completed_at: null,
        priority: 0,
        due_at: null,
        created_at: now,
        updated_at: now,
      }),
    ),
    nextCursor: null,
  });
  list = () => [200, fixed];
  create = () => [201, fixed];
}

const send = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
};
const unauthorized = '{"error":{"code":"AUTH_INVALID","message":"Invalid token."}}';

const server = http.createServer(async (req, res) => {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const q = req.url.indexOf('?');
  const path = q === -1 ? req.url : req.url.slice(0, q);
  const m = /^\/api\/([^/]+)\/tasks$/.exec(path);
  if (!m) return send(res, 404, '{"error":{"code":"NOT_FOUND","message":"Not found."}}');
  const auth = req.headers.authorization;
  if (!auth?.startsWith('Bearer ')) return send(res, 401, unauthorized);
  let sub;
  try {
    sub = (await jwtVerify(auth.slice(7), key, verifyOptions)).payload.sub;
  } catch {
    return send(res, 401, unauthorized);
  }
  if (sub !== m[1]) return send(res, 403, '{"error":{"code":"FORBIDDEN","message":"Forbidden."}}');
  try {
    const query = new URLSearchParams(q === -1 ? '' : req.url.slice(q + 1));
    if (req.method === 'GET') return send(res, ...list(m[1], query));
    if (req.method === 'POST') return send(res, ...create(m[1], Buffer.concat(chunks).toString()));
    return send(res, 405, '{"error":{"code":"METHOD_NOT_ALLOWED","message":"Method not allowed."}}');
  } catch {
    return send(res, 500, '{"error":{"code":"INTERNAL","message":"Internal error."}}');
  }
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`${JSON.stringify({ event: 'ready', apiBaseUrl: `http://127.0.0.1:${port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
