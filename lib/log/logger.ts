import 'server-only';
import pino from 'pino';

/** Structured JSON logs on stdout; one logger for the server, children per component. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'kafka-event-architect' },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ['*.password', '*.sasl', '*.auth', 'password'], censor: '[redacted]' },
});
