import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/logger.ts';

const fake = await vi.hoisted(async () => (await import('./test-support/fake-electron.ts')).createFakeElectron());
vi.mock('electron', () => ({ ...fake.module, default: fake.module }));

const { guardNavigation, isSafeExternalUrl } = await import('./navigation-guards.ts');
const { FakeWebContents, fakeEvent } = await import('./test-support/fake-electron.ts');

function guarded() {
  const contents = new FakeWebContents();
  guardNavigation(contents as unknown as Parameters<typeof guardNavigation>[0], { allowedOrigins: ['app://tasks'], logger: silentLogger });
  const navigate = (name: 'will-navigate' | 'will-redirect', url: string) => {
    const event = { ...fakeEvent(), url };
    contents.emit(name, event, url);
    return event.defaultPrevented;
  };
  return { contents, navigate };
}

describe('navigation guards', () => {
  it('blocks navigation and redirects away from the app, allows in-app navigation', () => {
    const { navigate } = guarded();
    expect(navigate('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'app://other/index.html')).toBe(true);
    expect(navigate('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(navigate('will-navigate', 'app://tasks/index.html#/tasks')).toBe(false);
  });

  it('denies every new window; only validated http(s) URLs go to the system browser', () => {
    const { contents } = guarded();
    const open = (url: string) => contents.windowOpenHandler?.({ url });
    for (const url of ['https://example.com/help', 'http://example.org/', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@example.com/', 'app://tasks/x', 'smb://host/share']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(fake.opened).toEqual(['https://example.com/help', 'http://example.org/']);
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = guarded();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.com' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('validates external URLs', () => {
    expect(isSafeExternalUrl('https://example.com/a?b=c')).toBe(true);
    expect(isSafeExternalUrl('mailto:a@example.com')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
    expect(isSafeExternalUrl(`https://example.com/${'a'.repeat(3000)}`)).toBe(false);
  });
});
