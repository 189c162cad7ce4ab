// 006: personal access tokens. Only a SHA-256 hash of each secret is stored (the secret is shown once, at
// creation); a revoked token's row is deleted. Never edit this file once released: add a new numbered migration.
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

export const personalTokens: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`
      CREATE TABLE personal_tokens (
        id TEXT NOT NULL PRIMARY KEY,
        user_id TEXT NOT NULL,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        scopes TEXT NOT NULL,
        secret_hash BLOB NOT NULL UNIQUE CHECK (length(secret_hash) = 32),
        created_at TEXT NOT NULL,
        expires_at TEXT,
        last_used_at TEXT
      )`.execute(db);
    await sql`CREATE INDEX personal_tokens_user ON personal_tokens (user_id, created_at, id)`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await sql`DROP TABLE personal_tokens`.execute(db);
  },
};
