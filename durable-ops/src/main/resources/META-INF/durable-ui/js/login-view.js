// The login form: user and password become HTTP Basic credentials for this tab; GET /me checks them.
import { ApiError, call } from './api.js';
import { login, logout } from './auth.js';
import { h, replace, show } from './dom.js';

/**
 * Shows the login form.
 * @param {HTMLElement} main where to render
 * @param {string} message why the form is shown (empty on a first visit)
 * @param {{setQuiet: (quiet: boolean) => void, loggedIn: (me: object) => void}} hooks
 */
export function renderLogin(main, message, hooks) {
  const user = h('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true,
    maxlength: 200, dataset: { testid: 'login-user' } });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', required: true,
    autocomplete: 'current-password', maxlength: 200, dataset: { testid: 'login-password' } });
  const error = h('p', { className: 'error', role: 'alert', dataset: { testid: 'login-error' }, hidden: !message },
    message || '');
  const submit = h('button', { type: 'submit', dataset: { testid: 'login-submit' } }, 'Log in');
  const form = h('form', { className: 'card login', 'aria-labelledby': 'login-h', dataset: { testid: 'login-form' },
    onSubmit: async (e) => {
      e.preventDefault();
      submit.disabled = true;
      login(user.value.trim(), password.value);
      hooks.setQuiet(true);
      try {
        const me = await call('/me');
        hooks.loggedIn(me);
      } catch (err) {
        logout();
        replace(error, err instanceof ApiError && err.status === 401 ? 'User name or password is wrong.'
          : err instanceof ApiError ? err.describe() : String(err));
        show(error, true);
        password.value = '';
        password.focus();
      } finally {
        hooks.setQuiet(false);
        submit.disabled = false;
      }
    } },
  h('h2', { id: 'login-h' }, 'Log in'),
  h('p', { className: 'muted' }, 'Durable workflows: runs, steps and operator actions.'),
  h('label', { for: 'login-user' }, 'User'), user,
  h('label', { for: 'login-password' }, 'Password'), password,
  error, submit);
  replace(main, form);
  user.focus();
}
