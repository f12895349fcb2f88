import pino from "pino";
import { env } from "@/server/env";

/**
 * Structured JSON logs; one logger per process, children per module.
 *
 * Written synchronously: pino's default asynchronous destination flushes what is still buffered when the
 * process exits, and that flush retries a broken pipe forever. A service whose start script was SIGKILLed
 * (its stdout pipe has no reader) logs the Redis errors of the same outage, stops, and would never exit.
 * The services log a few lines a minute, so writing at once costs nothing measurable.
 */
export const logger = pino({ level: env.LOG_LEVEL, base: { pid: process.pid } }, pino.destination({ dest: 1, sync: true }));
