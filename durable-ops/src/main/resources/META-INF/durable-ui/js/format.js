// Formatting of times, durations, JSON and the journal's reserved entry names.

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** A time as local "YYYY-MM-DD HH:MM:SS", or "" for none. */
export function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} `
    + `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** A time of day with milliseconds, for the timeline's ticks. */
export function clock(ms) {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** A duration in milliseconds as "850 ms", "12.3 s", "4 min 5 s", "2 h 3 min", "3 d 4 h". */
export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '';
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 2 : 1)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s - m * 60)} s`;
  const hrs = Math.floor(m / 60);
  if (hrs < 48) return `${hrs} h ${m - hrs * 60} min`;
  const days = Math.floor(hrs / 24);
  return `${days} d ${hrs - days * 24} h`;
}

/** Pretty JSON of an embedded JSON value (the API embeds inputs, outputs and results as JSON). */
export function json(value) {
  if (value === undefined) return '';
  return JSON.stringify(value, null, 2);
}

/** Milliseconds since the epoch of an ISO time, or null. */
export function ms(iso) {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/**
 * A readable label for a journal entry's name: workflow steps keep their name; the engine's own
 * entries (sleep, waits, children, parallel blocks) get words.
 */
export function entryLabel(name) {
  const reserved = [
    ['@sleep', () => 'sleep'],
    ['@await:', (n) => `wait for signal ${n}`],
    ['@signal:', (n) => `signal ${n} received`],
    ['@approval:', (n) => `approval ${n} requested`],
    ['@decision:', (n) => `approval ${n} decided`],
    ['@child-done:', (n) => `child ${n} finished`],
    ['@child:', (n) => `child ${n} started`],
    ['@parallel:', (n) => `parallel ${n}`],
    ['@version:', (n) => `version marker ${n}`],
    ['@now', () => 'current time'],
    ['@uuid', () => 'random UUID'],
    ['@slice', () => 'new slice'],
  ];
  for (const [prefix, label] of reserved) {
    if (name.startsWith(prefix)) return label(name.slice(prefix.length));
  }
  return name;
}

/** The short form of a run id for tables. */
export function shortId(id) {
  return id && id.length > 13 ? id.slice(0, 8) + '…' : id;
}
