// The dashboard's entry: login, the header, and the router between the runs list and a run page.
import { ApiError, call, onUnauthorized } from './api.js';
import { authorization, logout } from './auth.js';
import { h, replace, show } from './dom.js';
import { renderLogin } from './login-view.js';
import { current } from './router.js';
import { renderRunsView } from './runs-view.js';
import { renderRunView } from './run-view.js';

const main = document.getElementById('main');
const whoami = document.getElementById('whoami');
const logoutButton = document.getElementById('logout');
const state = { me: null, dispose: null, quiet: false, loginShown: false };

function leaveView() {
  if (state.dispose) state.dispose();
  state.dispose = null;
}

function showLogin(message) {
  leaveView();
  state.me = null;
  show(whoami, false);
  show(logoutButton, false);
  if (state.loginShown) return;
  state.loginShown = true;
  renderLogin(main, message, {
    setQuiet: (quiet) => { state.quiet = quiet; },
    loggedIn: (me) => {
      state.me = me;
      state.loginShown = false;
      route();
    },
  });
}

function header(me) {
  const roles = me.roles.map((r) => r.replace(/^durable-/, '')).join(', ');
  replace(whoami, h('span', { dataset: { testid: 'whoami-name' } }, me.name), ` · ${me.tenant || 'no tenant'} · ${roles}`);
  show(whoami, true);
  show(logoutButton, true);
}

async function route() {
  leaveView();
  if (!authorization()) {
    showLogin('');
    return;
  }
  if (!state.me) {
    try {
      state.me = await call('/me');
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) {
        replace(main, h('p', { className: 'error', role: 'alert', dataset: { testid: 'page-error' } },
          err instanceof ApiError ? err.describe() : String(err)));
      }
      return;
    }
  }
  state.loginShown = false;
  header(state.me);
  const target = current();
  state.dispose = target.view === 'run'
    ? renderRunView(main, { id: target.id, me: state.me })
    : renderRunsView(main, { params: target.params, me: state.me });
  main.focus({ preventScroll: true });
}

onUnauthorized(() => {
  if (state.quiet) return;
  logout();
  showLogin('Log in again: the server did not accept your credentials.');
});

logoutButton.addEventListener('click', () => {
  logout();
  showLogin('You are logged out.');
});

window.addEventListener('hashchange', route);
route();
