import * as Sentry from '@sentry/react';

Sentry.init({
  dsn: 'https://{{hex:32}}@o{{digits:6}}.ingest.us.sentry.io/{{digits:16}}',
  release: import.meta.env.VITE_RELEASE,
  tracesSampleRate: 0.1,
  replaysSessionSampleRate: 0,
});
