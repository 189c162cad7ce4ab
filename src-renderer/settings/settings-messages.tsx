// The two lines under a Settings section's actions: what just happened (a polite status) and what went wrong (an alert).
export function SettingsMessages({ status, error }: { status: string | null; error: string | null }) {
  return (
    <>
      {status ? (
        <p className="settings-status" role="status">
          {status}
        </p>
      ) : null}
      {error ? (
        <p className="settings-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
