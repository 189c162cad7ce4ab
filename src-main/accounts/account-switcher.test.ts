// The switcher's rules against the in-memory auth fake; the real core and IPC are in account-ipc.integration.test.ts.
import { describe, expect, it } from 'vitest';
import type { SessionChangedEvent } from '../../src-preload/contract.ts';
import { createMemoryKeyValueStore } from '../electron/key-value-store.ts';
import { availableEncryption } from '../electron/test-support/aes-cipher.ts';
import { createFakeCore } from '../electron/test-support/fake-core.ts';
import { createAccountSessionStore } from './account-session-store.ts';
import { createAccountSwitcher } from './account-switcher.ts';

const PASSWORD = 'correct horse battery staple';

async function setup() {
  const fake = createFakeCore();
  const store = createAccountSessionStore({ encryption: availableEncryption(), kv: createMemoryKeyValueStore() });
  const events: SessionChangedEvent[] = [];
  let clock = 1000;
  const accounts = createAccountSwitcher({
    auth: fake.core.auth,
    tokens: fake.core.tokens,
    store,
    emit: (event) => events.push(event),
    now: () => (clock += 1),
  });
  const ada = await fake.core.auth.signUp({ name: 'Ada Lovelace', email: 'ada@example.com', password: PASSWORD });
  const bob = await fake.core.auth.signUp({ name: 'Bob Bell', email: 'bob@example.com', password: PASSWORD });
  return { ...fake, store, events, accounts, ada, bob };
}

describe('account switcher', () => {
  it('adding an account keeps the one already signed in; switching back needs no password', async () => {
    const { accounts, ada, bob, events, revoked } = await setup();
    await accounts.adopt(ada, true);
    await accounts.adopt(bob, true);
    expect(revoked).toEqual([]);
    expect(await accounts.list()).toEqual([
      { id: bob.user.id, name: 'Bob Bell', email: 'bob@example.com', current: true, signedIn: true },
      { id: ada.user.id, name: 'Ada Lovelace', email: 'ada@example.com', current: false, signedIn: true },
    ]);

    await expect(accounts.switchTo(ada.user.id)).resolves.toEqual({ user: ada.user, persisted: true });
    expect(events.at(-1)).toEqual({ session: { user: ada.user, persisted: true }, reason: 'switched' });
    await expect(accounts.currentSession()).resolves.toMatchObject({ userId: ada.user.id, token: ada.sessionToken });
    await expect(accounts.current()).resolves.toMatchObject({ user: { id: ada.user.id } });
  });

  it('signing out of an account that is not current leaves the current one as it is', async () => {
    const { accounts, ada, bob, events, revoked } = await setup();
    await accounts.adopt(ada, true);
    await accounts.adopt(bob, true);
    const before = events.length;
    await expect(accounts.signOut(ada.user.id)).resolves.toMatchObject({ user: { id: bob.user.id } });
    expect(revoked).toEqual([ada.sessionToken]);
    expect(events).toHaveLength(before);
    expect((await accounts.list()).map((a) => a.id)).toEqual([bob.user.id]);
  });

  it('signing out of the current account hands the window to the next signed-in one; the last sign-out signs out', async () => {
    const { accounts, ada, bob, events, revoked } = await setup();
    await accounts.adopt(ada, true);
    await accounts.adopt(bob, true);
    await expect(accounts.signOut()).resolves.toMatchObject({ user: { id: ada.user.id } });
    expect(revoked).toEqual([bob.sessionToken]);
    expect(events.at(-1)).toMatchObject({ session: { user: { id: ada.user.id } }, reason: 'switched' });

    await expect(accounts.signOut()).resolves.toBeNull();
    expect(events.at(-1)).toEqual({ session: null, reason: 'signed-out' });
    await expect(accounts.list()).resolves.toEqual([]);
    // Idempotent.
    await expect(accounts.signOut()).resolves.toBeNull();
    expect(revoked).toHaveLength(2);
  });

  it('an account whose session ended stays listed as signed out; switching to it is SESSION_EXPIRED', async () => {
    const { accounts, ada, bob, sessions } = await setup();
    await accounts.adopt(ada, true);
    await accounts.adopt(bob, true);
    sessions.delete(ada.sessionToken); // revoked elsewhere (another device, a password change)
    await expect(accounts.switchTo(ada.user.id)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect((await accounts.list()).map((a) => [a.id, a.signedIn])).toEqual([
      [bob.user.id, true],
      [ada.user.id, false],
    ]);
    await expect(accounts.current()).resolves.toMatchObject({ user: { id: bob.user.id } });
    await expect(accounts.switchTo('someone-else')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('when the current session ends, the window is told and no other account is opened behind its back', async () => {
    const { accounts, ada, bob, sessions, events, core } = await setup();
    await accounts.adopt(ada, true);
    await accounts.adopt(bob, true);
    sessions.delete(bob.sessionToken);
    await expect(accounts.current()).resolves.toBeNull();
    expect(events.at(-1)).toEqual({ session: null, reason: 'expired' });
    expect((await accounts.list()).map((a) => [a.id, a.current, a.signedIn])).toEqual([
      [bob.user.id, false, false],
      [ada.user.id, false, true],
    ]);
    // Signing in again as Bob refreshes his entry instead of adding a second one.
    await accounts.adopt(await core.auth.signIn({ email: bob.user.email, password: PASSWORD }), true);
    expect((await accounts.list()).map((a) => [a.id, a.current, a.signedIn])).toEqual([
      [bob.user.id, true, true],
      [ada.user.id, false, true],
    ]);
  });

  it('forget removes a deleted account without revoking, and the next account takes over', async () => {
    const { accounts, ada, bob, revoked, events } = await setup();
    await accounts.adopt(ada, true);
    await accounts.adopt(bob, true);
    await accounts.forget(bob.user.id);
    expect(revoked).toEqual([]);
    expect(events.at(-1)).toMatchObject({ session: { user: { id: ada.user.id } }, reason: 'switched' });
  });
});

