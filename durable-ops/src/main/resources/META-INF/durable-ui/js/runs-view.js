// The runs list: status counts, filters (workflow, status, instance id, time range, and owner for an
// admin), a page of runs with "more" for the next cursor page. Refreshes the counts and the first page
// every 5 s while it is shown (the first page only while no further page was loaded).
import { ApiError, call, query } from './api.js';
import { h, replace, show } from './dom.js';
import { shortId, time } from './format.js';
import { poll } from './poller.js';
import { runHref, runsHref } from './router.js';
import { RUN_STATUSES, statusClass } from './statuses.js';

const PAGE = 50;
const MAX_PAGE = 200;
const REFRESH_MS = 5000;
const FILTERS = ['workflow', 'status', 'instanceId', 'owner', 'from', 'to'];

/** "2026-11-30T10:00" (a datetime-local value, local time) from an ISO time, or "". */
function localInput(iso) {
  const t = iso ? new Date(iso) : null;
  if (!t || Number.isNaN(t.getTime())) return '';
  return new Date(t.getTime() - t.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

/** An ISO time from a datetime-local value, or "". */
function isoFromInput(value) {
  if (!value) return '';
  const t = new Date(value);
  return Number.isNaN(t.getTime()) ? '' : t.toISOString();
}

/**
 * Shows the runs list.
 * @param {HTMLElement} main where to render
 * @param {{params: object, me: object}} options the filters (from the URL) and the caller
 * @returns {() => void} dispose
 */
export function renderRunsView(main, { params, me }) {
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params[k] || '']));
  if (!me.admin) filters.owner = '';
  const asked = Number.parseInt(params.limit, 10);
  const pageSize = asked >= 1 && asked <= MAX_PAGE ? asked : PAGE;
  const state = { next: null, pages: 0, disposed: false };

  const error = h('p', { className: 'error', role: 'alert', dataset: { testid: 'page-error' }, hidden: true });
  const counts = h('div', { className: 'counts', role: 'group', 'aria-label': 'Runs by status',
    dataset: { testid: 'status-counts' } });
  const body = h('tbody', {});
  const empty = h('p', { className: 'muted', dataset: { testid: 'runs-empty' }, hidden: true }, 'No runs match.');
  const more = h('button', { type: 'button', dataset: { testid: 'runs-more' }, hidden: true,
    onClick: () => loadPage(false).catch(showError) }, 'More');

  const field = (name, label, control) => h('label', { className: 'field' }, h('span', {}, label), control);
  const workflow = h('input', { name: 'workflow', value: filters.workflow, maxlength: 200, autocomplete: 'off',
    dataset: { testid: 'filter-workflow' } });
  const status = h('select', { name: 'status', dataset: { testid: 'filter-status' } },
    h('option', { value: '' }, 'any'),
    RUN_STATUSES.map((s) => h('option', { value: s, selected: filters.status === s }, s)));
  const instance = h('input', { name: 'instanceId', value: filters.instanceId, maxlength: 200, autocomplete: 'off',
    dataset: { testid: 'filter-instance' } });
  const from = h('input', { type: 'datetime-local', name: 'from', value: localInput(filters.from),
    dataset: { testid: 'filter-from' } });
  const to = h('input', { type: 'datetime-local', name: 'to', value: localInput(filters.to),
    dataset: { testid: 'filter-to' } });
  const owner = h('input', { name: 'owner', value: filters.owner, maxlength: 200, autocomplete: 'off',
    dataset: { testid: 'filter-owner' } });
  const limit = h('input', { type: 'number', name: 'limit', min: 1, max: MAX_PAGE, value: pageSize, className: 'narrow',
    dataset: { testid: 'filter-limit' } });
  const form = h('form', { className: 'filters', role: 'search', 'aria-label': 'Filter runs',
    dataset: { testid: 'run-filters' },
    onSubmit: (e) => {
      e.preventDefault();
      location.hash = runsHref({
        workflow: workflow.value.trim(), status: status.value, instanceId: instance.value.trim(),
        owner: me.admin ? owner.value.trim() : '', from: isoFromInput(from.value), to: isoFromInput(to.value),
        limit: Number(limit.value) === PAGE ? '' : limit.value,
      });
    } },
  field('workflow', 'Workflow', workflow), field('status', 'Status', status),
  field('instanceId', 'Instance id', instance), field('from', 'Created from', from), field('to', 'Created to', to),
  me.admin ? field('owner', 'Owner', owner) : null, field('limit', 'Per page', limit),
  h('div', { className: 'filter-buttons' },
    h('button', { type: 'submit', dataset: { testid: 'filter-apply' } }, 'Apply'),
    h('a', { href: runsHref(), className: 'button secondary', dataset: { testid: 'filter-reset' } }, 'Reset')));

  const headers = ['Run', 'Workflow', 'Instance', 'Status', 'Created', 'Finished', 'Waiting for'];
  if (me.admin) headers.push('Owner');
  const table = h('table', { className: 'runs', dataset: { testid: 'runs-table' } },
    h('caption', { className: 'visually-hidden' }, 'Runs, newest first'),
    h('thead', {}, h('tr', {}, headers.map((t) => h('th', { scope: 'col' }, t)))), body);
  replace(main, h('section', { className: 'runs-view', dataset: { testid: 'runs-view' } },
    h('h2', {}, 'Runs'), counts, form, error, table, empty, more));

  const countQuery = () => query({ workflow: filters.workflow, instanceId: filters.instanceId, owner: filters.owner,
    from: filters.from, to: filters.to });
  const listQuery = (cursor) => query({ ...filters, limit: pageSize, cursor });

  function showError(err) {
    replace(error, err instanceof ApiError ? err.describe() : String(err));
    show(error, true);
  }

  function renderCounts(answer) {
    const byStatus = answer.counts || {};
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    const chip = (statusName, label, count) => h('a', {
      href: runsHref({ ...filters, status: statusName, limit: pageSize === PAGE ? '' : pageSize }),
      className: `count ${statusName ? statusClass(statusName) : 'status'}${filters.status === statusName ? ' active' : ''}`,
      'aria-current': filters.status === statusName ? 'true' : null,
      dataset: { testid: `count-${statusName || 'ALL'}`, count },
    }, `${label} `, h('strong', {}, String(count)));
    replace(counts, chip('', 'All', total),
      RUN_STATUSES.filter((s) => byStatus[s]).map((s) => chip(s, s, byStatus[s])));
  }

  function row(run) {
    return h('tr', { dataset: { testid: 'run-row', runId: run.id, status: run.status } },
      h('td', {}, h('a', { href: runHref(run.id), title: run.id, dataset: { testid: 'run-link' } }, shortId(run.id))),
      h('td', {}, run.workflow), h('td', { className: 'clip', title: run.instanceId }, run.instanceId),
      h('td', {}, h('span', { className: statusClass(run.status) }, run.status),
        run.paused ? h('span', { className: 'status status-paused' }, 'PAUSED') : null),
      h('td', { className: 'nowrap' }, time(run.createdAt)), h('td', { className: 'nowrap' }, time(run.finishedAt)),
      h('td', { className: 'clip', title: run.waitingFor || null }, run.waitingFor || ''),
      me.admin ? h('td', {}, run.owner || '—') : null);
  }

  async function loadPage(first) {
    const answer = await call(`/runs${listQuery(first ? null : state.next)}`);
    if (state.disposed) return;
    if (first) replace(body);
    body.append(...answer.runs.map(row));
    state.next = answer.next;
    state.pages = first ? 1 : state.pages + 1;
    show(more, Boolean(state.next));
    show(empty, body.children.length === 0);
  }

  async function refresh(firstPage) {
    try {
      const answer = await call(`/runs/counts${countQuery()}`);
      if (state.disposed) return false;
      renderCounts(answer);
      if (firstPage) await loadPage(true);
      show(error, false);
    } catch (err) {
      if (state.disposed) return false;
      showError(err);
    }
    return !state.disposed;
  }

  let stop = () => {};
  refresh(true).then(() => {
    if (!state.disposed) stop = poll(() => refresh(state.pages <= 1), REFRESH_MS);
  });
  return () => {
    state.disposed = true;
    stop();
  };
}
