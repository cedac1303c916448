// An operator's actions on a run: signal, pause, unpause, cancel, retry, and approve/reject per
// pending approval; each through a confirmation dialog. The buttons are in the page for everyone but
// shown only to callers with the operator role; the API checks the role again on every call.
import { call, seg } from './api.js';
import { confirmAction } from './confirm-dialog.js';
import { h, show } from './dom.js';
import { isTerminal } from './statuses.js';

const SIGNAL_NAME = /^[A-Za-z0-9._-]{1,100}$/;

/** A random id for the Idempotency-Key header (crypto.randomUUID needs a secure context). */
function idempotencyKey() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

function reasonBody(reason) {
  return JSON.stringify(reason ? { reason } : {});
}

/**
 * The action bar of a run page.
 * @param {object} ctx {runId, operator: boolean, run: () => object, done: (message) => void,
 *   failed: (error) => void}
 * @returns {{element: HTMLElement, update: (run) => void, decide: (approval, approve) => void}}
 */
export function createActions(ctx) {
  const path = `/runs/${seg(ctx.runId)}`;
  const run = (spec, act, message) => confirmAction(spec, act).then((result) => {
    if (result.done) ctx.done(message());
    else if (result.error) ctx.failed(result.error);
  });
  const simple = (action, spec, message) => () => run({ reason: true, ...spec },
    ({ reason }) => call(`${path}/${action}`, { method: 'POST', body: reasonBody(reason) }), () => message);
  let sentName = '';
  const buttons = {
    signal: h('button', { type: 'button', dataset: { testid: 'action-signal' } }, 'Send signal…'),
    pause: h('button', { type: 'button', dataset: { testid: 'action-pause' } }, 'Pause…'),
    unpause: h('button', { type: 'button', dataset: { testid: 'action-unpause' } }, 'Unpause…'),
    retry: h('button', { type: 'button', dataset: { testid: 'action-retry' } }, 'Retry…'),
    cancel: h('button', { type: 'button', className: 'danger', dataset: { testid: 'action-cancel' } }, 'Cancel run…'),
  };
  buttons.signal.addEventListener('click', () => {
    const waiting = (ctx.run().waitingFor || '').match(/(?:^|\|)signal:([^|]+)/);
    run({
      title: 'Send a signal', message: `Send a signal to run ${ctx.runId}. The payload is JSON (empty for none).`,
      confirmLabel: 'Send signal', reason: false, signal: { name: waiting ? waiting[1] : '', payload: '' },
    }, async ({ signalName, payload }) => {
      if (!SIGNAL_NAME.test(signalName)) {
        throw new Error("A signal name is 1 to 100 letters, digits, '.', '_' or '-'.");
      }
      const body = payload.trim() === '' ? 'null' : payload.trim();
      try {
        JSON.parse(body);
      } catch (e) {
        throw new Error(`The payload is not JSON: ${e.message}`);
      }
      sentName = signalName;
      await call(`${path}/signals/${seg(signalName)}`, {
        method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey() },
      });
    }, () => `Signal ${sentName} sent.`);
  });
  buttons.pause.addEventListener('click', simple('pause', {
    title: 'Pause the run', confirmLabel: 'Pause',
    message: `Pause run ${ctx.runId}? It stops at its next step and holds no thread until unpaused.`,
  }, 'Run paused.'));
  buttons.unpause.addEventListener('click', simple('unpause', {
    title: 'Unpause the run', confirmLabel: 'Unpause', message: `Let run ${ctx.runId} go on?`,
  }, 'Run unpaused.'));
  buttons.retry.addEventListener('click', simple('retry', {
    title: 'Retry the run', confirmLabel: 'Retry',
    message: `Make blocked run ${ctx.runId} pending again? It replays its journal and goes on.`,
  }, 'Run queued again.'));
  buttons.cancel.addEventListener('click', simple('cancel', {
    title: 'Cancel the run', confirmLabel: 'Cancel run', danger: true,
    message: `Cancel run ${ctx.runId} and its child runs? This cannot be undone.`,
  }, 'Run cancelled.'));

  const element = h('div', {
    className: 'actions', role: 'toolbar', 'aria-label': 'Actions', dataset: { testid: 'run-actions' },
  }, Object.values(buttons));
  show(element, ctx.operator);

  return {
    element,
    /** Shows the buttons that fit the run's state. */
    update(current) {
      const live = !isTerminal(current.status);
      show(buttons.signal, live && !current.job);
      show(buttons.pause, live && !current.job && !current.paused);
      show(buttons.unpause, live && Boolean(current.paused));
      show(buttons.retry, current.status === 'BLOCKED');
      show(buttons.cancel, live);
    },
    /** Approves or rejects a pending approval, after confirmation. */
    decide(approval, approve) {
      const verb = approve ? 'approve' : 'reject';
      run({
        title: approve ? 'Approve' : 'Reject', confirmLabel: approve ? 'Approve' : 'Reject', danger: !approve,
        reason: true, message: `${approve ? 'Approve' : 'Reject'} "${approval.key}" of run ${ctx.runId}?`,
      }, ({ reason }) => call(`${path}/approvals/${seg(approval.key)}/${verb}`, {
        method: 'POST', body: reasonBody(reason),
      }), () => `Approval ${approval.key} ${approve ? 'approved' : 'rejected'}.`);
    },
  };
}
