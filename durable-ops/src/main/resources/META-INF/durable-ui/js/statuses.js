// The engine's run and step statuses (io.durable.api.RunStatus, StepStatus).

export const RUN_STATUSES = ['PENDING', 'RUNNING', 'SUSPENDED', 'BLOCKED', 'COMPENSATING',
  'COMPLETED', 'FAILED', 'CANCELLED', 'CONTINUED'];

const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'CONTINUED']);

/** Whether a run in this status has finished for good. */
export function isTerminal(status) {
  return TERMINAL.has(status);
}

/** The CSS class of a status badge. */
export function statusClass(status) {
  return 'status status-' + String(status || 'unknown').toLowerCase();
}
