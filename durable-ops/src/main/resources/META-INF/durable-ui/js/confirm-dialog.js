// The confirmation of an action: one <dialog> in the page (index.html), filled per action. The action
// runs while the dialog is open: an input error the user can correct (a payload that is not JSON, a
// 400 or 413 answer) stays in the dialog; any other refusal (403, 404, 409, ...) closes it and is
// handed back for the page to show.
import { replace, show } from './dom.js';

const dialog = () => document.getElementById('confirm-dialog');
const part = (id) => document.getElementById(id);

/**
 * Asks for confirmation.
 * @param {object} spec {title, message, confirmLabel, danger, signal: {name} | undefined, reason: boolean}
 * @param {(values: {reason: string, signalName: string, payload: string}) => Promise<void>} act the action
 * @returns {Promise<{done: boolean, error?: Error}>} done when the action succeeded; error when it was
 *   refused for a reason the dialog cannot correct
 */
export function confirmAction(spec, act) {
  const d = dialog();
  replace(part('dialog-title'), spec.title);
  replace(part('dialog-message'), spec.message);
  const confirm = part('dialog-confirm');
  confirm.textContent = spec.confirmLabel;
  confirm.classList.toggle('danger', Boolean(spec.danger));
  show(part('dialog-signal-fields'), Boolean(spec.signal));
  show(part('dialog-reason-field'), spec.reason !== false);
  part('dialog-signal-name').value = spec.signal ? spec.signal.name || '' : '';
  part('dialog-signal-payload').value = spec.signal ? spec.signal.payload || '' : '';
  part('dialog-reason').value = '';
  replace(part('dialog-error'));
  show(part('dialog-error'), false);
  const form = part('dialog-form');
  return new Promise((resolve) => {
    let busy = false;
    const finish = (result) => {
      form.removeEventListener('submit', submit);
      part('dialog-cancel').removeEventListener('click', cancel);
      d.removeEventListener('cancel', escape);
      if (d.open) d.close();
      resolve(result);
    };
    const submit = async (e) => {
      e.preventDefault();
      if (busy) return;
      busy = true;
      confirm.disabled = true;
      try {
        await act({
          reason: part('dialog-reason').value.trim(),
          signalName: part('dialog-signal-name').value.trim(),
          payload: part('dialog-signal-payload').value,
        });
        finish({ done: true });
      } catch (err) {
        if (err && err.status && err.status !== 400 && err.status !== 413) {
          finish({ done: false, error: err });
          return;
        }
        replace(part('dialog-error'), err && err.describe ? err.describe() : String(err.message || err));
        show(part('dialog-error'), true);
      } finally {
        busy = false;
        confirm.disabled = false;
      }
    };
    const cancel = () => finish({ done: false });
    const escape = (e) => {
      e.preventDefault();
      finish({ done: false });
    };
    form.addEventListener('submit', submit);
    part('dialog-cancel').addEventListener('click', cancel);
    d.addEventListener('cancel', escape);
    d.showModal();
    (spec.signal ? part('dialog-signal-name') : spec.reason !== false ? part('dialog-reason') : confirm).focus();
  });
}
