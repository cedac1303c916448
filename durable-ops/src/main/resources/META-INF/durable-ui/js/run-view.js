// A run's page: its fields, input/output, error with its step, pending approvals, signals, the
// timeline and the step tree; the operator's actions. Refreshes every 2 s until the run has finished.
import { ApiError, call, seg } from './api.js';
import { h, replace, show } from './dom.js';
import { entryLabel, json, time } from './format.js';
import { poll } from './poller.js';
import { runHref, runsHref } from './router.js';
import { createActions } from './run-actions.js';
import { isTerminal, statusClass } from './statuses.js';
import { cssId, renderStepTree } from './step-tree.js';
import { renderTimeline } from './timeline.js';

const REFRESH_MS = 2000;
const STEP_PAGE = 500;
const MAX_STEPS = 10000;

/**
 * Shows a run.
 * @param {HTMLElement} main where to render
 * @param {{id: string, me: object}} options the run id and the caller (/me)
 * @returns {() => void} dispose: stops refreshing
 */
export function renderRunView(main, { id, me }) {
  const state = { run: null, steps: new Map(), truncated: false, children: [], open: new Set(), disposed: false };
  const operator = me.roles.includes('durable-operator') || me.admin;

  const notice = h('p', { className: 'notice', role: 'status', dataset: { testid: 'page-notice' }, hidden: true });
  const error = h('p', { className: 'error', role: 'alert', dataset: { testid: 'page-error' }, hidden: true });
  const title = h('h2', { dataset: { testid: 'run-title' } }, `Run ${id}`);
  const status = h('span', { dataset: { testid: 'run-status' } });
  const paused = h('span', { className: 'status status-paused', dataset: { testid: 'run-paused' }, hidden: true },
    'PAUSED');
  const fields = h('dl', { className: 'fields', dataset: { testid: 'run-fields' } });
  const input = h('pre', { className: 'json', dataset: { testid: 'run-input' } });
  const output = h('pre', { className: 'json', dataset: { testid: 'run-output' } });
  const failure = h('div', { className: 'run-error', dataset: { testid: 'run-error' }, hidden: true });
  const approvals = h('div', { dataset: { testid: 'approvals' } });
  const signals = h('div', { dataset: { testid: 'signals' } });
  const timeline = h('div', { className: 'timeline', dataset: { testid: 'timeline' } });
  const tree = h('div', { className: 'step-tree', dataset: { testid: 'step-tree' } });

  const say = (message) => {
    replace(notice, message);
    show(notice, Boolean(message));
  };
  const fail = (err) => {
    replace(error, err instanceof ApiError ? err.describe() : String(err.message || err));
    show(error, true);
  };
  const actions = createActions({
    runId: id, operator, run: () => state.run || {},
    done: (message) => {
      show(error, false);
      say(message);
      refreshNow();
    },
    failed: (err) => {
      say('');
      fail(err);
    },
  });

  const view = h('section', { className: 'run-view', dataset: { testid: 'run-view', runId: id } },
    h('p', {}, h('a', { href: runsHref(), dataset: { testid: 'back-to-runs' } }, '← Runs')),
    h('div', { className: 'run-head' }, title, status, paused),
    actions.element, notice, error,
    h('div', { className: 'panels' },
      h('section', { className: 'card', 'aria-labelledby': 'run-fields-h' }, h('h3', { id: 'run-fields-h' }, 'Run'), fields),
      h('section', { className: 'card', 'aria-labelledby': 'run-io-h' }, h('h3', { id: 'run-io-h' }, 'Input'), input,
        h('h3', {}, 'Output'), output, failure)),
    h('div', { className: 'panels' },
      h('section', { className: 'card', 'aria-labelledby': 'approvals-h' }, h('h3', { id: 'approvals-h' },
        'Pending approvals'), approvals),
      h('section', { className: 'card', 'aria-labelledby': 'signals-h' }, h('h3', { id: 'signals-h' }, 'Signals'), signals)),
    h('section', { className: 'card', 'aria-labelledby': 'timeline-h' }, h('h3', { id: 'timeline-h' }, 'Timeline'), timeline),
    h('section', { className: 'card', 'aria-labelledby': 'steps-h' }, h('h3', { id: 'steps-h' }, 'Steps'), tree));
  replace(main, view);

  async function loadSteps() {
    const unfinished = [...state.steps.values()].filter((s) => s.status === 'RUNNING' || s.status === 'RETRYING');
    const last = Math.max(-1, ...state.steps.keys());
    let from = unfinished.length ? Math.min(...unfinished.map((s) => s.sequence)) : last + 1;
    for (let page = 0; from !== null && state.steps.size < MAX_STEPS; page++) {
      const answer = await call(`/runs/${seg(id)}/steps?from=${from}&limit=${STEP_PAGE}`);
      for (const step of answer.steps) state.steps.set(step.sequence, step);
      from = answer.next ?? null;
      if (page > MAX_STEPS / STEP_PAGE) break;
    }
    state.truncated = from !== null;
  }

  async function refresh() {
    try {
      const run = await call(`/runs/${seg(id)}`);
      await loadSteps();
      const hasChildren = run.children && run.children.runs && run.children.runs.length > 0;
      const children = hasChildren ? (await call(`/runs/${seg(id)}/tree?max=200`)).children : [];
      if (state.disposed) return false;
      state.run = run;
      state.children = children;
      render();
      return !isTerminal(run.status);
    } catch (err) {
      if (state.disposed) return false;
      if (err instanceof ApiError && err.status === 404) {
        notFound(err);
        return false;
      }
      fail(err);
      return err instanceof ApiError && err.status !== 401;
    }
  }

  function notFound(err) {
    replace(main, h('section', { className: 'card', dataset: { testid: 'not-found' } },
      h('h2', {}, 'Run not found'),
      h('p', {}, `There is no run ${id} that you may see (${err.message}).`),
      h('p', {}, h('a', { href: runsHref() }, '← Runs'))));
  }

  function render() {
    const run = state.run;
    const steps = [...state.steps.values()].sort((a, b) => a.sequence - b.sequence);
    view.dataset.status = run.status;
    replace(title, `${run.workflow} · ${run.instanceId}`);
    replace(status, h('span', { className: statusClass(run.status) }, run.status));
    show(paused, Boolean(run.paused));
    actions.update(run);
    renderFields(run);
    replace(input, json(run.input));
    replace(output, run.output === null || run.output === undefined ? '—' : json(run.output));
    renderFailure(run, steps);
    renderApprovals(run.approvals || []);
    renderSignals(run.signals || []);
    renderTimeline(timeline, run, steps, Date.now());
    renderStepTree(tree, steps, state.children, state.open);
    if (state.truncated) tree.append(h('p', { className: 'muted' }, `First ${MAX_STEPS} journal entries shown.`));
  }

  function renderFields(run) {
    const link = (runId) => (runId ? h('a', { href: runHref(runId) }, runId) : '');
    const action = run.lastAction
      ? `${String(run.lastAction.kind).toLowerCase()} by ${run.lastAction.actor} at ${time(run.lastAction.at)}`
        + `${run.lastAction.reason ? ` (${run.lastAction.reason})` : ''}`
      : '';
    const rows = [
      ['id', 'Id', run.id], ['workflow', 'Workflow', `${run.workflow} v${run.version}`],
      ['instanceId', 'Instance', run.instanceId], ['status', 'Status', run.status],
      ['owner', 'Owner', run.owner || '—'], ['createdAt', 'Created', time(run.createdAt)],
      ['updatedAt', 'Updated', time(run.updatedAt)], ['finishedAt', 'Finished', time(run.finishedAt)],
      ['waitingFor', 'Waiting for', run.waitingFor || ''], ['wakeAt', 'Wakes', time(run.wakeAt)],
      ['paused', 'Paused', run.paused ? 'yes' : 'no'], ['lastAction', 'Last action', action],
      ['parentRunId', 'Parent', link(run.parentRunId)], ['continuedAs', 'Continued as', link(run.continuedAs)],
    ];
    replace(fields, rows.filter(([, , v]) => v !== '' && v !== null && v !== undefined)
      .map(([key, label, value]) => [h('dt', {}, label), h('dd', { dataset: { field: key } }, value)]));
  }

  function renderFailure(run, steps) {
    show(failure, Boolean(run.error));
    if (!run.error) return;
    const failed = [...steps].reverse().find((s) => s.status === 'FAILED');
    replace(failure,
      h('h3', {}, 'Error'),
      h('pre', { className: 'error-text' }, run.error),
      failed
        ? h('p', { dataset: { testid: 'run-error-step' } }, 'From step ',
          h('button', { type: 'button', className: 'link', onClick: () => reveal(failed.key) },
            `${entryLabel(failed.name)} (${failed.key})`),
          failed.error ? `: ${failed.errorType || ''} ${failed.error}` : '')
        : h('p', { className: 'muted', dataset: { testid: 'run-error-step' } }, 'From the workflow code, not a step.'));
  }

  function reveal(key) {
    const parts = key.split('/');
    parts.forEach((_, i) => state.open.add(parts.slice(0, i + 1).join('/')));
    render();
    const node = document.getElementById(`step-${cssId(key)}`);
    if (node) node.scrollIntoView({ block: 'center' });
  }

  function renderApprovals(list) {
    if (!list.length) {
      replace(approvals, h('p', { className: 'muted' }, 'None.'));
      return;
    }
    replace(approvals, h('table', {}, h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Key'), h('th', { scope: 'col' }, 'Requested'), h('th', { scope: 'col' }, 'Expires'),
      h('th', { scope: 'col' }, h('span', { className: 'visually-hidden' }, 'Decide')))),
    h('tbody', {}, list.map((a) => {
      const approve = h('button', { type: 'button', dataset: { testid: `approve-${a.key}` },
        onClick: () => actions.decide(a, true) }, 'Approve…');
      const reject = h('button', { type: 'button', className: 'danger', dataset: { testid: `reject-${a.key}` },
        onClick: () => actions.decide(a, false) }, 'Reject…');
      const buttons = h('td', { className: 'decide' }, approve, ' ', reject);
      show(approve, operator);
      show(reject, operator);
      return h('tr', { dataset: { testid: 'approval-row', key: a.key } }, h('td', {}, a.key),
        h('td', {}, time(a.requestedAt)), h('td', {}, time(a.expiresAt)), buttons);
    }))));
  }

  function renderSignals(all) {
    // names starting with '@' are the engine's own: a child's result, an approval's decision
    const list = all.filter((s) => !s.name.startsWith('@'));
    const internal = all.length - list.length;
    const note = internal ? h('p', { className: 'muted', dataset: { testid: 'engine-signals' } },
      `${internal} engine signal${internal > 1 ? 's' : ''} (child results, approval decisions) not shown.`) : null;
    if (!list.length) {
      replace(signals, h('p', { className: 'muted' }, 'None.'), note);
      return;
    }
    replace(signals, note, h('table', {}, h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Payload'), h('th', { scope: 'col' }, 'Sent'),
      h('th', { scope: 'col' }, 'Received'))),
    h('tbody', {}, list.map((s) => h('tr', { dataset: { testid: 'signal-row', name: s.name } },
      h('td', {}, s.name), h('td', {}, h('pre', { className: 'json inline' }, json(s.payload))),
      h('td', {}, time(s.sentAt)), h('td', {}, s.consumed ? 'yes' : 'not yet'))))));
  }

  let stopPolling = () => {};
  let polling = false;
  const startPolling = () => {
    polling = true;
    stopPolling = poll(async () => {
      const more = await refresh();
      polling = more;
      return more;
    }, REFRESH_MS);
  };
  const refreshNow = async () => {
    const more = await refresh();
    if (more && !polling && !state.disposed) startPolling();
  };
  refresh().then((more) => {
    if (more && !state.disposed) startPolling();
  });
  return () => {
    state.disposed = true;
    stopPolling();
  };
}
