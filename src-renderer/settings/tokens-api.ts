// Personal access tokens over the HTTP API (the session's JWT; tokens themselves may not manage tokens).
import { z } from 'zod';
import {
  tokenCreated,
  tokenList,
  type TokenCreateInput,
  type TokenCreated,
  type TokenInfo,
} from '../../src-shared/token-schemas';
import type { HttpClient } from '../api/http-client';

export interface TokensApi {
  list(): Promise<TokenInfo[]>;
  create(input: TokenCreateInput): Promise<TokenCreated>;
  revoke(id: string): Promise<void>;
}

export function createTokensApi(http: HttpClient, userId: string): TokensApi {
  const base = `/api/${encodeURIComponent(userId)}/tokens`;
  return {
    list: async () => (await http.request({ path: base, schema: tokenList })).items,
    create: (input) => http.request({ method: 'POST', path: base, body: input, schema: tokenCreated }),
    revoke: (id) =>
      http.request({ method: 'DELETE', path: `${base}/${encodeURIComponent(id)}`, schema: z.undefined() }),
  };
}
