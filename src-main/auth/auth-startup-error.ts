// Start-up failures of the auth layer. They stop the app with a message naming the secret store and the fix;
// they are never shown with the secret itself.

export type AuthStartupErrorCode =
  | 'SECRET_MISSING'
  | 'SECRET_TOO_SHORT'
  | 'SECRET_MALFORMED'
  | 'SECRET_CHANGED'
  | 'SECRET_STORE_READ_ONLY'
  | 'SECRET_STORE_FAILED'
  | 'SECRET_FILE_INSECURE'
  | 'SECRET_OVERRIDDEN'
  | 'SIGNING_KEY_UNAVAILABLE';

export class AuthStartupError extends Error {
  override readonly name = 'AuthStartupError';
  constructor(
    readonly code: AuthStartupErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
