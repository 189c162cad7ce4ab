// Settings → the local API: its address, the docs (system browser), and the port for the next start.
import { useEffect, useState } from 'react';
import type { ApiInfo, TasksBridge } from '../../src-preload/contract';
import { portNumber } from '../../src-shared/api-discovery';

export function ApiAddress({ bridge }: { bridge: TasksBridge }) {
  const [info, setInfo] = useState<ApiInfo | null>(null);
  const [port, setPort] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    void bridge.app.getInfo().then((result) => {
      if (!result.ok) return setMessage(result.error.message);
      setInfo(result.value.api);
      setPort(String(result.value.api.configuredPort));
    });
  }, [bridge]);

  async function savePort() {
    // Said in words before it reaches main (whose schema would answer "expected number, received NaN" for "abc"),
    // through the same schema and its own message for a number out of range.
    const value = port.trim();
    if (!/^\d+$/.test(value)) return setMessage(`“${value || 'nothing'}” is not a port: type a whole number from 1024 to 65535, such as 47821.`);
    const checked = portNumber.safeParse(Number(value));
    if (!checked.success) return setMessage(checked.error.issues[0]?.message ?? 'Use a port from 1024 to 65535.');
    const result = await bridge.app.setApiPort({ port: checked.data });
    if (!result.ok) return setMessage(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
    setInfo(result.value);
    setMessage(
      result.value.configuredPort === result.value.port
        ? 'Saved.'
        : `Saved: the API moves to port ${result.value.configuredPort} at the next start.`,
    );
  }

  if (!info) return <p className="field-hint">{message ?? 'Loading…'}</p>;
  return (
    <section className="settings-section" aria-labelledby="api-title">
      <h3 id="api-title">Local API</h3>
      <p>
        Address: <code data-testid="api-address">{info.baseUrl}</code>{' '}
        <a href={info.docsUrl} target="_blank" rel="noreferrer">
          API docs
        </a>
      </p>
      {info.fallbackNote ? (
        <p className="settings-warning" role="status">
          {info.fallbackNote}
        </p>
      ) : null}
      <form
        className="settings-row"
        onSubmit={(event) => {
          event.preventDefault();
          void savePort();
        }}
      >
        <label className="field-label" htmlFor="api-port">
          Port
        </label>
        <input
          id="api-port"
          className="input settings-port"
          inputMode="numeric"
          value={port}
          onChange={(event) => setPort(event.target.value)}
          aria-describedby="api-port-hint"
        />
        <button type="submit" className="button">
          Save port
        </button>
      </form>
      <p id="api-port-hint" className="field-hint">
        Used from the next start; scripts find the address in api.json in the data folder.
      </p>
      {message ? (
        <p className="field-hint" role="status">
          {message}
        </p>
      ) : null}
    </section>
  );
}
