// A read-only SecretStore backed by an environment variable (headless hosts, CI, containers).
import { AuthStartupError } from './auth-startup-error.ts';
import type { SecretStore } from './auth-types.ts';

export const AUTH_SECRET_ENV = 'TASKS_AUTH_SECRET';

export class EnvSecretStore implements SecretStore {
  readonly description: string;

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly name: string = AUTH_SECRET_ENV,
  ) {
    this.description = `env ${name}`;
  }

  read(): Promise<string | null> {
    const value = this.env[this.name]?.trim();
    return Promise.resolve(value ? value : null);
  }

  write(): Promise<void> {
    return Promise.reject(
      new AuthStartupError(
        'SECRET_STORE_READ_ONLY',
        `The auth secret store (${this.description}) is read-only and empty. ` +
          `Set ${this.name} to at least 32 random bytes, e.g. \`openssl rand -base64 32\`.`,
      ),
    );
  }
}
