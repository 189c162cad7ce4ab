// Settings → API tokens: create (name, scopes, expiry; the secret shown once with a copy button), list (scopes,
// created, expires, last used) and revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TokenCreated, TokenInfo } from '../../src-shared/token-schemas';
import { TOKEN_NAME_MAX } from '../../src-shared/token-schemas';
import { useConfirm } from '../app/confirm-dialog';
import type { TokensApi } from './tokens-api';

const EXPIRY_CHOICES: readonly [string, number | null][] = [
  ['7 days', 7],
  ['30 days', 30],
  ['90 days', 90],
  ['1 year', 365],
  ['Never', null],
];

const when = (iso: string | null, never: string) => (iso ? new Date(iso).toLocaleDateString() : never);

export function ApiTokens({ api, userId }: { api: TokensApi; userId: string }) {
  const client = useQueryClient();
  const key = ['tokens', userId] as const;
  const tokens = useQuery({ queryKey: key, queryFn: () => api.list() });
  const [name, setName] = useState('');
  const [write, setWrite] = useState(false);
  const [expiry, setExpiry] = useState('30 days');
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: () =>
      api.create({
        name,
        scopes: write ? ['tasks:read', 'tasks:write'] : ['tasks:read'],
        expiresInDays: EXPIRY_CHOICES.find(([label]) => label === expiry)?.[1] ?? null,
      }),
    onSuccess: (token) => {
      setCreated(token);
      setCopied(false);
      setName('');
      setError(null);
      void client.invalidateQueries({ queryKey: key });
    },
    onError: (e) => setError(e.message),
  });
  const confirm = useConfirm();
  const revoke = useMutation({
    mutationFn: (id: string) => api.revoke(id),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
    onError: (e) => setError(e.message),
  });

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setError('Copying failed: select the token and copy it with Ctrl/⌘ + C.');
    }
  }

  return (
    <section className="settings-section" aria-labelledby="tokens-title">
      <h3 id="tokens-title">API tokens</h3>
      <p className="field-hint">
        For scripts, the <code>tasks</code> command and AI assistants: send{' '}
        <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <form
        className="token-form"
        aria-label="Create a token"
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) create.mutate();
          else setError('Name the token (e.g. the script that uses it).');
        }}
      >
        <label className="field-label" htmlFor="token-name">
          Name
        </label>
        <input
          id="token-name"
          className="input"
          value={name}
          maxLength={TOKEN_NAME_MAX}
          dir="auto"
          placeholder="e.g. backup script"
          onChange={(event) => setName(event.target.value)}
        />
        <fieldset className="token-scopes">
          <legend className="field-label">Access</legend>
          <label>
            <input type="radio" name="token-scope" checked={!write} onChange={() => setWrite(false)} /> Read
            tasks
          </label>
          <label>
            <input type="radio" name="token-scope" checked={write} onChange={() => setWrite(true)} /> Read and
            change tasks
          </label>
        </fieldset>
        <label className="field-label" htmlFor="token-expiry">
          Expires
        </label>
        <select
          id="token-expiry"
          className="input"
          value={expiry}
          onChange={(event) => setExpiry(event.target.value)}
        >
          {EXPIRY_CHOICES.map(([label]) => (
            <option key={label}>{label}</option>
          ))}
        </select>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Create token
        </button>
      </form>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {created ? (
        <div className="token-secret" role="status" aria-live="polite">
          <p>
            <strong dir="auto">{created.name}</strong>: copy it now, it is shown only once.
          </p>
          <div className="settings-row">
            <input
              className="input token-value"
              readOnly
              value={created.token}
              aria-label="New token"
              onFocus={(event) => event.target.select()}
            />
            <button type="button" className="button" onClick={() => void copy(created.token)}>
              {copied ? 'Copied' : 'Copy'}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setCreated(null);
                document.getElementById('token-name')?.focus();
              }}
            >
              Done
            </button>
          </div>
        </div>
      ) : null}
      <TokenTable
        tokens={tokens.data ?? []}
        loading={tokens.isPending}
        onRevoke={(token) =>
          void confirm
            .ask({ title: 'Revoke this token?', message: `Scripts using “${token.name}” stop working at once. This cannot be undone.`, confirmLabel: 'Revoke token', danger: true })
            .then((yes) => yes && revoke.mutate(token.id))
        }
      />
      {confirm.dialog}
    </section>
  );
}

function TokenTable({
  tokens,
  loading,
  onRevoke,
}: {
  tokens: TokenInfo[];
  loading: boolean;
  onRevoke: (token: TokenInfo) => void;
}) {
  if (loading) return <p className="field-hint">Loading tokens…</p>;
  if (tokens.length === 0) return <p className="field-hint">No tokens yet.</p>;
  return (
    <table className="token-table">
      <caption className="visually-hidden">Your API tokens</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Access</th>
          <th scope="col">Created</th>
          <th scope="col">Expires</th>
          <th scope="col">Last used</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <td dir="auto">{token.name}</td>
            <td>{token.scopes.includes('tasks:write') ? 'read, write' : 'read'}</td>
            <td>{when(token.createdAt, '')}</td>
            <td>{token.expired ? `Expired ${when(token.expiresAt, '')}` : when(token.expiresAt, 'never')}</td>
            <td>{when(token.lastUsedAt, 'never')}</td>
            <td>
              <button
                type="button"
                className="button button-danger"
                aria-label={`Revoke ${token.name}`}
                onClick={() => onRevoke(token)}
              >
                Revoke
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
