// One line above an auth form: a server error, or why we are here (session expired), with a live countdown.
interface FormBannerProps {
  message: string | null;
  tone: 'error' | 'info';
  /** With RATE_LIMITED: seconds until the next attempt may succeed (null: no countdown). */
  secondsLeft?: number | null;
}

export function FormBanner({ message, tone, secondsLeft = null }: FormBannerProps) {
  if (!message) return null;
  return (
    <div className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {message}
      {secondsLeft !== null ? (
        <span className="banner-countdown">
          {secondsLeft > 0 ? ` Try again in ${secondsLeft} s.` : ' You can try again now.'}
        </span>
      ) : null}
    </div>
  );
}
