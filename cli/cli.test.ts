// The `tasks` CLI as a user or script runs it: a child process against a real host, finding it through api.json.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../src-main/testing/test-core.ts';
import { localDate } from './due-input.ts';
import { type CliHarness, startCliHarness, startServeHost } from './testing/cli-harness.ts';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

let h: CliHarness;

beforeAll(async () => {
  h = await startCliHarness(); // the host writes api.json in its data dir (TASKS_DATA_DIR of every CLI run)
  // The first run builds the bundle when its sources changed (seconds); later runs start in ~0.5 s.
  expect((await h.cli(['--version'])).code).toBe(0);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

function json<T>(text: string): T {
  return JSON.parse(text) as T;
}

interface Task {
  id: string;
  title: string;
  completed: boolean;
  priority: string;
  dueDate: string | null;
  dueAt: string | null;
}

describe('tasks CLI against a real host', () => {
  it('round trip with a token through api.json: add, ls, show, done, undone, edit, rm, restore (--json)', async () => {
    const env = { TASKS_TOKEN: await h.token(['tasks:read', 'tasks:write']) };
    const added = await h.cli(['add', 'Buy', 'oat milk', '--json'], { env });
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const task = json<Task>(added.stdout);
    expect(task).toMatchObject({ title: 'Buy oat milk', completed: false });

    const listed = await h.cli(['ls', '--json'], { env });
    expect(listed.code).toBe(0);
    expect(json<Task[]>(listed.stdout).map((t) => t.id)).toEqual([task.id]);
    expect(json<Task[]>((await h.cli(['ls', '--q', 'nothing-like-it', '--json'], { env })).stdout)).toEqual(
      [],
    );

    const done = await h.cli(['done', task.id, '--json'], { env });
    expect(json<Task[]>(done.stdout)[0]).toMatchObject({ id: task.id, completed: true });
    expect(json<Task[]>((await h.cli(['ls', '--json'], { env })).stdout)).toEqual([]); // open ones by default
    expect(
      json<Task[]>((await h.cli(['ls', '--status', 'completed', '--json'], { env })).stdout),
    ).toHaveLength(1);
    expect(json<Task>((await h.cli(['undone', task.id, '--json'], { env })).stdout).completed).toBe(false);

    const edited = await h.cli(
      ['edit', task.id, '--priority', 'high', '--due', '2031-02-03', '--title', 'Oat milk', '--json'],
      {
        env,
      },
    );
    expect(edited.code).toBe(0);
    const after = json<Task>(edited.stdout);
    expect(after).toMatchObject({ title: 'Oat milk', priority: 'high' });
    expect(after).toMatchObject({ dueDate: '2031-02-03', dueAt: null }); // a date is all-day

    const quick = json<Task>((await h.cli(['add', 'Pay rent tomorrow 9am !high', '--json'], { env })).stdout);
    expect(quick).toMatchObject({ title: 'Pay rent', priority: 'high', dueDate: null });
    expect(new Date(quick.dueAt!).getHours()).toBe(9); // this machine's zone
    const literal = json<Task>(
      (await h.cli(['add', 'Pay rent tomorrow !high', '--plain', '--json'], { env })).stdout,
    );
    expect(literal).toMatchObject({ title: 'Pay rent tomorrow !high', priority: 'none', dueAt: null });

    const shown = await h.cli(['show', task.id, '--json'], { env });
    expect(json<Task>(shown.stdout)).toEqual(after);

    const removed = await h.cli(['rm', task.id, '--json'], { env });
    expect(json(removed.stdout)).toEqual({ id: task.id, deleted: true, undo: `tasks restore ${task.id}` });
    expect(json<Task[]>((await h.cli(['ls', '--status', 'deleted', '--json'], { env })).stdout)[0]?.id).toBe(
      task.id,
    );
    expect(json<Task>((await h.cli(['restore', task.id, '--json'], { env })).stdout).id).toBe(task.id);
  });

  it('--if-match: edit, done and rm write only while the task is at the ETag tasks show printed', async () => {
    const env = { TASKS_TOKEN: await h.token(['tasks:read', 'tasks:write']) };
    const task = json<Task>((await h.cli(['add', 'Shared note', '--plain', '--json'], { env })).stdout);
    const shown = json<Task & { etag: string }>((await h.cli(['show', task.id, '--json'], { env })).stdout);
    expect(shown.etag).toMatch(/^"[\w-]+"$/);
    expect((await h.cli(['show', task.id], { env })).stdout).toContain(`ETag ${shown.etag}`);

    const mine = await h.cli(['edit', task.id, '--title', 'Mine', '--if-match', shown.etag, '--json'], { env });
    expect(mine.code).toBe(0);
    const fresh = json<Task & { etag: string }>(mine.stdout).etag;
    expect(fresh).not.toBe(shown.etag);
    // The old ETag is stale now: every write with it is refused and changes nothing.
    for (const args of [
      ['edit', task.id, '--title', 'Theirs', '--if-match', shown.etag],
      ['done', task.id, '--if-match', shown.etag],
      ['rm', task.id, '--if-match', shown.etag],
    ]) {
      const refused = await h.cli([...args, '--json'], { env });
      expect(refused.code, args[0]).toBe(1);
      const { error } = json<{ error: { code: string; hint: string } }>(refused.stderr);
      expect(error.code).toBe('PRECONDITION_FAILED');
      expect(error.hint).toMatch(/tasks show/);
    }
    expect(json<Task>((await h.cli(['show', task.id, '--json'], { env })).stdout)).toMatchObject({ title: 'Mine', completed: false });
    expect((await h.cli(['done', task.id, 'other', '--if-match', fresh], { env })).code).toBe(2);
    expect(json<Task[]>((await h.cli(['done', task.id, '--if-match', fresh, '--json'], { env })).stdout)[0]?.completed).toBe(true);
  });

  it('prints aligned columns without colours when piped, with them when forced, never with NO_COLOR', async () => {
    const env = { TASKS_TOKEN: h.user.jwt }; // a session JWT works as the bearer too
    for (const title of ['First', 'A much longer second title'])
      expect((await h.cli(['add', title], { env })).code).toBe(0);
    const plain = await h.cli(['ls'], { env });
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toMatch(ANSI);
    const lines = plain.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+DONE\s+PRI\s+DUE\s+TITLE$/);
    const titleColumn = lines[0]!.indexOf('TITLE');
    // Each title is followed by its list ("@Inbox") since lists exist (issue 10).
    const titles = lines.slice(1).map((line) => line.slice(titleColumn).replace(/ @Inbox$/, ''));
    expect(titles).toEqual(expect.arrayContaining(['A much longer second title', 'First']));
    expect(titles.every((title) => /^\S/.test(title))).toBe(true); // every title starts in the TITLE column
    const forced = await h.cli(['ls'], { env: { ...env, FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(ANSI);
    const noColour = await h.cli(['ls'], { env: { ...env, FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(noColour.stdout).toBe(plain.stdout);
  });

  it('lists by name and tags: add --list --tag, ls --list / --tag, and the names in the table', async () => {
    const env = { TASKS_TOKEN: h.user.jwt };
    const list = await h.host.api(`/api/${h.user.id}/lists`, {
      method: 'POST',
      headers: h.user.headers,
      body: JSON.stringify({ name: 'Work' }),
    });
    const work = (await list.json()) as { id: string };
    const added = await h.cli(
      ['add', 'Write report', '--list', 'work', '--tag', 'urgent', '--plain', '--json'],
      { env },
    );
    expect(added.code).toBe(0);
    expect(json<Task & { listId: string; tags: string[] }>(added.stdout)).toMatchObject({
      listId: work.id,
      tags: ['urgent'],
    });
    const [inList, tagged, table, unknown] = await Promise.all([
      h.cli(['ls', '--list', 'Work', '--json'], { env }),
      h.cli(['ls', '--tag', 'urgent', '--json'], { env }),
      h.cli(['ls', '--list', 'Work'], { env }),
      h.cli(['ls', '--list', 'Nope'], { env }),
    ]);
    expect(json<Task[]>(inList.stdout).map((t) => t.title)).toEqual(['Write report']);
    expect(json<Task[]>(tagged.stdout).map((t) => t.title)).toEqual(['Write report']);
    expect(table.stdout).toMatch(/Write report @Work #urgent/);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No list named "Nope"\. Known: .*Work/);
  });

  it('exit codes: 2 usage, 1 API error, 3 unreachable (with a hint), 4 not authorized', async () => {
    const token = { TASKS_TOKEN: h.user.jwt };
    const [unknown, badChoice, missing, notFound, noApp, noToken, badToken, readOnly] = await Promise.all([
      h.cli(['frobnicate'], { env: token }),
      h.cli(['ls', '--status', 'someday'], { env: token }),
      h.cli(['edit', 'x'], { env: token }),
      h.cli(['show', 'no-such-task', '--json'], { env: token }),
      h.cli(['ls', '--api', 'http://127.0.0.1:9'], { env: token }),
      h.cli(['ls']),
      h.cli(['ls'], { env: { TASKS_TOKEN: 'tdpat_' + 'x'.repeat(43) } }),
      h.token(['tasks:read']).then((t) => h.cli(['add', 'Nope'], { env: { TASKS_TOKEN: t } })),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    expect(badChoice.code).toBe(2);
    expect(badChoice.stderr).toMatch(/someday/);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/at least one of --title/);
    expect(notFound.code).toBe(1);
    expect(json<{ error: { code: string; exitCode: number } }>(notFound.stderr).error).toMatchObject({
      code: 'NOT_FOUND',
      exitCode: 1,
    });
    expect(noApp.code).toBe(3);
    expect(noApp.stderr).toMatch(/Could not reach Tasks Desktop at http:\/\/127\.0\.0\.1:9/);
    expect(noApp.stderr).toMatch(/Start Tasks Desktop .* or pass --api URL/);
    expect(noToken.code).toBe(4);
    expect(noToken.stderr).toMatch(/Not logged in[\s\S]*tasks login/);
    expect(badToken.code).toBe(4);
    expect(badToken.stderr).toMatch(/tasks login/);
    expect(readOnly.code).toBe(4);
    expect(readOnly.stderr).toMatch(/tasks:write/);
  });

  it('discovery: api.json of a data dir, a stale api.json (dead pid), and --api over TASKS_API_URL', async () => {
    const env = { TASKS_TOKEN: h.user.jwt };
    const otherDir = join(h.home, 'elsewhere');
    const [missing, viaEnvUrl, viaFlag] = await Promise.all([
      h.cli(['ls', '--data-dir', otherDir], { env }),
      h.cli(['ls', '--json'], {
        env: { ...env, TASKS_API_URL: h.host.core.apiBaseUrl, TASKS_DATA_DIR: otherDir },
      }),
      h.cli(['ls', '--json', '--api', h.host.core.apiBaseUrl], {
        env: { ...env, TASKS_API_URL: 'http://127.0.0.1:9' },
      }),
    ]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain(`no api.json in ${otherDir}`);
    expect(viaEnvUrl.code).toBe(0);
    expect(viaFlag.code).toBe(0);

    const written = readFileSync(join(h.dataDir, 'api.json'), 'utf8');
    expect(JSON.parse(written)).toMatchObject({ apiBaseUrl: h.host.core.apiBaseUrl, pid: process.pid });
    h.writeApiJson(h.host.core.apiBaseUrl, 2 ** 22 + 12345); // as after a crash: a pid beyond Linux's range
    const stale = await h.cli(['ls'], { env });
    writeFileSync(join(h.dataDir, 'api.json'), written);
    expect(stale.code).toBe(3);
    expect(stale.stderr).toMatch(/not running/);
  });

  it('export then import through files; import of the same file adds nothing', async () => {
    const env = { TASKS_TOKEN: h.user.jwt };
    const file = join(h.home, 'export.json');
    const exported = await h.cli(['export', '--output', file, '--json'], { env });
    expect(exported.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const csv = await h.cli(['export', '--csv'], { env });
    expect(csv.stdout.split('\n')[0]).toMatch(/title/);
    const again = await h.cli(['import', file, '--json'], { env });
    expect(again.code).toBe(0);
    const result = json<{ imported: number; skipped: { reason: string }[] }>(again.stdout);
    expect(result.imported).toBe(0);
    expect(result.skipped.length).toBeGreaterThan(0);
    expect(new Set(result.skipped.map((s) => s.reason))).toEqual(new Set(['ALREADY_EXISTS']));
  });

  it('import --format --list --dry-run previews, then imports; export --format ical --list writes that list', async () => {
    const env = { TASKS_TOKEN: h.user.jwt };
    const file = join(h.home, 'errands.txt');
    writeFileSync(file, '(A) Buy stamps @town due:2026-12-10\nReturn library books\n');
    const dry = await h.cli(['import', file, '--format', 'todo-txt', '--list', 'Errands', '--dry-run', '--json'], { env });
    expect(dry.code).toBe(0);
    expect(json<{ imported: number; dryRun: boolean }>(dry.stdout)).toMatchObject({ imported: 2, dryRun: true });
    const ls = await h.cli(['ls', '--json'], { env });
    expect(ls.stdout).not.toContain('Buy stamps');

    const done = await h.cli(['import', file, '--format', 'todo-txt', '--list', 'Errands'], { env });
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/Imported 2 task\(s\) into 1 list\(s\) \(1 new\); skipped 0\./);
    const ics = await h.cli(['export', '--format', 'ical', '--list', 'Errands'], { env });
    expect(ics.code).toBe(0);
    expect(ics.stdout).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics.stdout).toContain('SUMMARY:Buy stamps');
    expect(ics.stdout).not.toContain('Water'); // other lists stay out

    const bogus = await h.cli(['export', '--format', 'xml'], { env });
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toMatch(/json, csv, ical/);
  });

  it('login stores a machine-named token (0600) that later commands use; token ls/revoke; logout forgets it', async () => {
    const login = await h.cli(['login', '--email', h.user.email, '--password-stdin', '--json'], {
      input: `${PASSWORD}\n`,
    });
    expect(login.code).toBe(0);
    const info = json<{ path: string; name: string; scopes: string[]; id: string }>(login.stdout);
    expect(info.name).toMatch(/^tasks CLI on /);
    expect(info.scopes).toEqual(['tasks:read', 'tasks:write']);
    expect(info.path).toBe(join(h.configDir, 'credentials.json'));
    expect(statSync(info.path).mode & 0o777).toBe(0o600);
    expect(login.stdout).not.toContain('tdpat_'); // the secret goes to the file only

    const listed = await h.cli(['ls', '--json']); // no TASKS_TOKEN: the stored login
    expect(listed.code).toBe(0);
    const tokens = await h.cli(['token', 'ls', '--password-stdin', '--json'], { input: PASSWORD });
    expect(json<{ id: string }[]>(tokens.stdout).map((t) => t.id)).toContain(info.id);
    const wrong = await h.cli(['token', 'ls', '--password-stdin'], { input: 'not the password' });
    expect(wrong.code).toBe(4);

    const logout = await h.cli(['logout', '--json']);
    expect(logout.code).toBe(0);
    expect(json(logout.stdout)).toMatchObject({ loggedOut: true, tokenId: info.id });
    expect(() => statSync(info.path)).toThrow();
    expect((await h.cli(['ls'])).code).toBe(4);
  });

  it('token create prints the secret once and it works; revoke refuses it on the next request', async () => {
    const env = { TASKS_TOKEN: h.user.jwt };
    const created = await h.cli(
      ['token', 'create', '--name', 'ci', '--read-only', '--expires-in-days', '7', '--json'],
      { env },
    );
    expect(created.code).toBe(0);
    const token = json<{ id: string; token: string; scopes: string[]; expiresAt: string }>(created.stdout);
    expect(token.scopes).toEqual(['tasks:read']);
    expect((await h.cli(['ls'], { env: { TASKS_TOKEN: token.token } })).code).toBe(0);
    expect((await h.cli(['token', 'revoke', token.id], { env })).code).toBe(0);
    expect((await h.cli(['ls'], { env: { TASKS_TOKEN: token.token } })).code).toBe(4);
  });

  it('start dates: add/edit --start, ls --today shows started tasks, ls --available hides later ones', async () => {
    const env = { TASKS_TOKEN: h.user.jwt };
    const day = (offset: number) => {
      const now = new Date();
      return localDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset));
    };
    const started = json<Task & { startDate: string | null }>(
      (await h.cli(['add', 'Startcheck begun', '--start', 'today', '--plain', '--json'], { env })).stdout,
    );
    expect(started.startDate).toBe(day(0));
    const later = json<Task & { startDate: string | null }>(
      (await h.cli(['add', 'Startcheck later', '--start', day(3), '--plain', '--json'], { env })).stdout,
    );
    expect(later.startDate).toBe(day(3));
    const quick = json<Task & { startDate: string | null }>(
      (await h.cli(['add', 'Startcheck quick start tomorrow', '--json'], { env })).stdout,
    );
    expect(quick).toMatchObject({ title: 'Startcheck quick', startDate: day(1), dueDate: null });
    const titles = async (...args: string[]) =>
      json<Task[]>((await h.cli(['ls', '--q', 'startcheck', '--json', ...args], { env })).stdout)
        .map((t) => t.title)
        .sort();
    expect(await titles('--today')).toEqual(['Startcheck begun']);
    expect(await titles('--available')).toEqual(['Startcheck begun']);
    expect(await titles('--sort', 'start')).toHaveLength(3);
    const shown = await h.cli(['show', started.id], { env });
    expect(shown.stdout).toMatch(new RegExp(`Starts\\s+${day(0)}`));
    const cleared = await h.cli(['edit', later.id, '--start', 'none', '--json'], { env });
    expect(json<{ startDate: string | null }>(cleared.stdout).startDate).toBeNull();
    expect(await titles('--available')).toEqual(['Startcheck begun', 'Startcheck later']);
    const bad = await h.cli(['edit', later.id, '--start', 'someday'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--start must be a date');
  });
});

describe('tasks CLI against the headless host as shipped (npm run serve, production auth checks)', () => {
  it('finds it through its api.json; signs up with fetch, logs in with the CLI, lists; exit 3 once it stopped', async () => {
    const dataDir = join(h.home, 'served');
    mkdirSync(dataDir);
    const host = await startServeHost(dataDir);
    try {
      const email = 'served@example.com';
      const signUp = await fetch(`${host.apiBaseUrl}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Served', email, password: PASSWORD }),
      });
      expect(signUp.status).toBe(200); // Node's fetch sends Sec-Fetch-Mode: the auth handler must not read it as a browser
      // Found through the api.json the host wrote in its data directory.
      const env = { TASKS_DATA_DIR: dataDir, TASKS_CONFIG_DIR: join(h.home, 'served-config') };
      const login = await h.cli(['login', '--email', email, '--password-stdin'], { env, input: PASSWORD });
      expect(login.stderr).toBe('');
      expect(login.code).toBe(0);
      expect(await h.cli(['add', 'Served task', '--plain'], { env })).toMatchObject({ code: 0 });
      expect((await h.cli(['ls'], { env })).stdout).toContain('Served task');
      await host.stop();
      const stopped = await h.cli(['ls'], { env }); // a clean exit removed api.json
      expect(stopped.code).toBe(3);
      expect(stopped.stderr).toMatch(/not running: there is no api\.json/);
    } finally {
      await host.stop();
    }
  }, 120_000);
});
