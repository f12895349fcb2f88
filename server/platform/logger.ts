import pino from "pino";
import { env } from "@/server/env";

/** Structured JSON logs; one logger per process, children per module. */
export const logger = pino({ level: env.LOG_LEVEL, base: { pid: process.pid } });
