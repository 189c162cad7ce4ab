// Which origin an IPC message came from. Node's URL reports `null` as the origin of non-special schemes
// such as app://, so the origin is rebuilt from protocol and host.

export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** The part of Electron's WebFrameMain the check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
  isDestroyed(): boolean;
}

/**
 * Whether a message may be trusted: it must come from a live top-level frame whose URL is on one of the
 * allowed origins (the app's `app://tasks`, plus the dev server's in development).
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, allowedOrigins: readonly string[]): boolean {
  if (!frame || frame.isDestroyed() || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && allowedOrigins.includes(origin);
}
