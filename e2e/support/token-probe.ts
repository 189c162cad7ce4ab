// Looks everywhere a web page can persist data for the session token or an access JWT.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Harness } from './app-harness.ts';

const JWT_SHAPE = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;

interface PageStorage {
  local: string[];
  session: string[];
  indexedDbNames: string[];
  cookie: string;
  url: string;
}

async function readStorage(page: Page): Promise<PageStorage> {
  return page.evaluate(`(async () => {
    const dump = (store) => Object.keys(store).map((key) => key + '=' + store.getItem(key));
    const dbs = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
    return {
      local: dump(localStorage),
      session: dump(sessionStorage),
      indexedDbNames: dbs.map((db) => db.name ?? ''),
      cookie: document.cookie,
      url: location.href,
    };
  })()`);
}

/** Asserts that no access JWT, no session token and nothing JWT-shaped is stored by the page or in its URL. */
export async function expectNoTokenStored(harness: Harness): Promise<void> {
  const storage = await readStorage(harness.page);
  const session = await harness.sessionStore.current();
  const secrets = [...harness.issuedTokens, ...(session ? [session.token] : [])];
  expect(secrets.length).toBeGreaterThan(0);
  const cookies = await harness.context.cookies();
  const haystacks = [...storage.local, ...storage.session, storage.cookie, storage.url, ...cookies.map((c) => `${c.name}=${c.value}`)];
  for (const text of haystacks) {
    expect(JWT_SHAPE.test(text), 'JWT-shaped value stored').toBe(false);
    for (const secret of secrets) expect(text.includes(secret), 'token stored').toBe(false);
  }
  expect(storage.indexedDbNames).toEqual([]);
  expect(storage.cookie).toBe('');
  expect(cookies).toEqual([]);
  expect(storage.url).toBe(harness.appUrl);
}
