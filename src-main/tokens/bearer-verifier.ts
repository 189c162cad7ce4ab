// One verifier for the API's Bearer credential: a personal access token (recognised by its prefix) is checked
// against the token store; anything else goes to the session JWT verifier.
import { TOKEN_PREFIX } from '../../src-shared/token-schemas.ts';
import type { AccessClaims, JwtVerifier } from '../auth/auth-types.ts';
import type { PersonalTokenStore } from './token-store.ts';

export function createBearerVerifier(jwt: JwtVerifier, tokens: PersonalTokenStore): JwtVerifier {
  return {
    async verify(bearer: string): Promise<AccessClaims> {
      if (!bearer.startsWith(TOKEN_PREFIX)) return jwt.verify(bearer);
      const grant = tokens.authenticate(bearer);
      return {
        sub: grant.userId,
        email: '',
        sid: null,
        exp: 0,
        token: { id: grant.id, name: grant.name, scopes: grant.scopes, expiresAt: grant.expiresAt },
      };
    },
  };
}
