export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, unknown>

/** Structured JSON logs, one object per line; child loggers carry context such as `requestId`. */
export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
  child(fields: LogFields): Logger
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** Keys whose values never reach a log line, whatever a caller passes. */
const redactedKeys = /pass(word)?|secret|token|code|otp|pepper|authorization|cookie|private/i

function redact(fields: LogFields): LogFields {
  const out: LogFields = {}
  for (const [key, value] of Object.entries(fields)) {
    if (redactedKeys.test(key) && key !== 'errorCode' && key !== 'status_code')
      out[key] = '[redacted]'
    else if (value instanceof Error) out[key] = { name: value.name, message: value.message }
    else out[key] = value
  }
  return out
}

export interface LoggerOptions {
  level?: LogLevel
  /** Where lines go; defaults to console (stdout/stderr on Node, Deno and Workers). */
  write?: (level: LogLevel, line: string) => void
  now?: () => Date
}

export function createLogger(options: LoggerOptions = {}, context: LogFields = {}): Logger {
  const minimum = rank[options.level ?? 'info']
  const write =
    options.write ??
    ((level: LogLevel, line: string) => {
      if (level === 'error' || level === 'warn') console.error(line)
      else console.log(line)
    })
  const now = options.now ?? (() => new Date())
  const emit = (level: LogLevel, message: string, fields?: LogFields) => {
    if (rank[level] < minimum) return
    const entry = {
      time: now().toISOString(),
      level,
      msg: message,
      ...context,
      ...redact(fields ?? {}),
    }
    write(
      level,
      JSON.stringify(entry, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
    )
  }
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger(options, { ...context, ...redact(fields) }),
  }
}
