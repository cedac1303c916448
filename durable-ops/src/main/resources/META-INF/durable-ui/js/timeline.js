// The timeline: a bar per step and per wait on a time axis from the run's start to its finish (or
// now). What the journal says, read as time:
//   a step entry             startedAt..finishedAt (a RUNNING entry: until now); attempt > 1 = retried
//   a RETRYING entry         its failed attempt, then the wait until the next attempt (its result)
//   @sleep                   from the call to the wake time (its result)
//   @await:S .. @signal:S    waiting for signal S, until it arrived (or until now)
//   @approval:K .. @decision:K   waiting for approval K
//   @child:W .. @child-done:W    waiting for a child run
//   @parallel:P              the block, from its first branch entry to its end
// and from the run itself: a run parked by an operator's pause, or parked for anything else the
// journal does not show, gets a bar from its last journal entry until now.
import { h, replace } from './dom.js';
import { clock, duration, entryLabel, ms, time } from './format.js';
import { isTerminal } from './statuses.js';

/** The kinds of bars, in legend order, with their legend text. */
export const KINDS = {
  completed: 'Step completed',
  failed: 'Step failed',
  running: 'Step running',
  retried: 'Step retried (attempt > 1)',
  'retry-wait': 'Waiting to retry',
  sleep: 'Sleep',
  signal: 'Waiting for a signal',
  approval: 'Waiting for an approval',
  child: 'Waiting for a child run',
  parallel: 'Parallel block',
  parked: 'Parked (paused or waiting)',
};

const WAITS = [
  ['@await:', '@signal:', 'signal', (n) => `wait for signal ${n}`],
  ['@approval:', '@decision:', 'approval', (n) => `wait for approval ${n}`],
  ['@child:', '@child-done:', 'child', (n) => `wait for child ${n}`],
];

const INSTANTS = ['@now', '@uuid', '@version:', '@slice'];
const OUTCOMES = ['@signal:', '@decision:', '@child-done:'];

function parseInstant(result) {
  return typeof result === 'string' ? ms(result) : null;
}

/**
 * Builds the bars.
 * @param {object} run the run (createdAt, finishedAt, status, waitingFor, paused)
 * @param {Array} steps the journal
 * @param {number} now the current time in ms
 * @returns {{start: number, end: number, bars: Array<{kind, label, key, depth, from, to, detail}>}}
 */
export function buildTimeline(run, steps, now) {
  const sorted = [...steps].sort((a, b) => a.sequence - b.sequence);
  const byKey = new Map(sorted.map((s) => [s.key, s]));
  const start = ms(run.createdAt) ?? now;
  const finished = ms(run.finishedAt);
  const end = Math.max(finished ?? now, start + 1);
  const clip = (t) => Math.min(Math.max(t ?? end, start), end);
  const bars = [];
  let lastEvent = start;
  for (const entry of sorted) {
    const from = ms(entry.startedAt) ?? start;
    const done = ms(entry.finishedAt);
    lastEvent = Math.max(lastEvent, done ?? from);
    const slash = entry.key.lastIndexOf('/');
    const scope = slash < 0 ? '' : entry.key.slice(0, slash + 1);
    const local = slash < 0 ? entry.key : entry.key.slice(slash + 1);
    const segments = entry.key.split('/');
    const depth = segments.length - 1;
    const base = { key: entry.key, depth, attempt: entry.attempt, status: entry.status };
    // inside a parallel branch or the compensations, the label says which
    const where = depth > 0 ? `${segments[depth - 1] === '@saga' ? 'compensation' : segments[depth - 1]} › ` : '';
    const name = entry.name;
    if (INSTANTS.some((p) => name.startsWith(p)) || OUTCOMES.some((p) => name.startsWith(p))) {
      continue;
    }
    if (name === '@sleep') {
      const wake = parseInstant(entry.result);
      bars.push({ ...base, kind: 'sleep', label: `${where}sleep`, from: clip(from), to: clip(wake),
        detail: `until ${time(entry.result)}` });
      continue;
    }
    const wait = WAITS.find(([request]) => name.startsWith(request));
    if (wait) {
      const [request, outcomePrefix, kind, label] = wait;
      const outcome = byKey.get(scope + outcomePrefix + local.slice(request.length));
      const to = outcome ? ms(outcome.startedAt) : end;
      const how = outcome ? (outcome.errorType === 'timeout' ? 'timed out' : 'done') : 'still waiting';
      bars.push({ ...base, kind, label: where + label(name.slice(request.length)), from: clip(from), to: clip(to),
        detail: how });
      continue;
    }
    if (name.startsWith('@parallel:')) {
      const inside = sorted.filter((s) => s.key.startsWith(entry.key + '/')).map((s) => ms(s.startedAt))
        .filter((t) => t !== null);
      const first = inside.length ? Math.min(...inside) : from;
      bars.push({ ...base, kind: 'parallel', label: where + entryLabel(name), from: clip(first), to: clip(done ?? from),
        detail: entry.status === 'FAILED' ? 'a branch failed' : 'all branches done' });
      continue;
    }
    const running = entry.status === 'RUNNING';
    const kind = entry.status === 'FAILED' ? 'failed' : running ? 'running'
      : entry.attempt > 1 || entry.status === 'RETRYING' ? 'retried' : 'completed';
    bars.push({ ...base, kind, label: where + entryLabel(name), from: clip(from), to: clip(running ? end : done ?? from),
      detail: `${entry.status.toLowerCase()}${entry.attempt > 1 ? `, attempt ${entry.attempt}` : ''}` });
    if (entry.status === 'RETRYING') {
      const next = parseInstant(entry.result);
      bars.push({ ...base, kind: 'retry-wait', label: `${where}retry ${entryLabel(name)}`, from: clip(done ?? from),
        to: clip(next), detail: `next attempt ${time(entry.result)}` });
    }
  }
  const parked = parkedBar(run, lastEvent, end, clip);
  if (parked) bars.push(parked);
  return { start, end, bars };
}

/** The current park the journal does not show: a pause, or a wait of another kind. */
function parkedBar(run, lastEvent, end, clip) {
  if (isTerminal(run.status)) return null;
  const waiting = run.waitingFor || '';
  const journalShows = /^(sleep|signal:|approval:|child:|retry:)/.test(waiting);
  if (run.status === 'SUSPENDED' && (waiting === 'pause' || !journalShows)) {
    const label = waiting === 'pause' ? 'paused' : `parked${waiting ? `: ${waiting}` : ''}`;
    return { key: '', depth: 0, kind: 'parked', label, from: clip(lastEvent), to: end,
      detail: run.paused ? 'paused by an operator' : 'parked' };
  }
  if (run.paused && run.status !== 'SUSPENDED') {
    return { key: '', depth: 0, kind: 'parked', label: 'pause requested', from: clip(lastEvent), to: end,
      detail: 'stops at its next step' };
  }
  return null;
}

const MAX_BARS = 500;

/**
 * Renders the timeline.
 * @param {HTMLElement} container
 * @param {object} run
 * @param {Array} steps
 * @param {number} now
 */
export function renderTimeline(container, run, steps, now) {
  const { start, end, bars } = buildTimeline(run, steps, now);
  const span = end - start;
  const pct = (t) => ((t - start) / span) * 100;
  const shown = bars.slice(0, MAX_BARS);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => h('span', {
    className: 'tick', dataset: { at: f },
  }, f === 0 ? clock(start) : `+${duration(span * f)}`));
  ticks.forEach((t) => { t.style.left = `${Number(t.dataset.at) * 100}%`; });
  const rows = shown.map((bar) => {
    const el = h('span', {
      className: `bar bar-${bar.kind}`,
      role: 'img',
      'aria-label': `${bar.label}: ${KINDS[bar.kind]}, ${duration(bar.to - bar.from)}, ${bar.detail}`,
      title: `${bar.label} (${bar.key || 'run'})\n${KINDS[bar.kind]}: ${duration(bar.to - bar.from)}\n`
        + `${clock(bar.from)} .. ${clock(bar.to)}\n${bar.detail}`,
      dataset: { testid: 'timeline-bar', kind: bar.kind, label: bar.label, key: bar.key },
    });
    // an instant still gets a visible sliver, kept inside the track at the run's very end
    const width = Math.max(pct(bar.to) - pct(bar.from), 0.3);
    el.style.left = `${Math.min(pct(bar.from), 100 - width)}%`;
    el.style.width = `${width}%`;
    const label = h('span', { className: 'row-label', title: bar.key || 'run' }, bar.label);
    label.style.paddingLeft = `${0.4 + bar.depth}em`;
    return h('li', { className: 'timeline-row' }, label, h('span', { className: 'track' }, el));
  });
  const used = Object.keys(KINDS).filter((k) => shown.some((b) => b.kind === k));
  replace(container,
    h('div', { className: 'timeline-axis', 'aria-hidden': 'true' }, h('span', { className: 'row-label' },
      `${time(new Date(start).toISOString())} → ${isTerminal(run.status) ? 'finish' : 'now'}`),
    h('span', { className: 'track' }, ticks)),
    shown.length
      ? h('ol', { className: 'timeline-rows', 'aria-label': 'Timeline' }, rows)
      : h('p', { className: 'muted' }, 'Nothing to show yet.'),
    bars.length > MAX_BARS ? h('p', { className: 'muted' }, `First ${MAX_BARS} of ${bars.length} bars shown.`) : null,
    h('ul', { className: 'legend', dataset: { testid: 'timeline-legend' }, 'aria-label': 'Legend' },
      used.map((k) => h('li', {}, h('span', { className: `swatch bar-${k}` }), KINDS[k]))));
}
