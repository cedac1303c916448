// The user's credentials for this tab: kept in sessionStorage (gone when the tab closes), sent as
// HTTP Basic on every API call. Never in localStorage, never in a URL.

const KEY = 'durable.credentials';

/** Encodes user:password as UTF-8 base64, as HTTP Basic wants. */
function basic(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Stores credentials for this tab. */
export function login(user, password) {
  sessionStorage.setItem(KEY, JSON.stringify({ user, token: basic(user, password) }));
}

/** Forgets the credentials. */
export function logout() {
  sessionStorage.removeItem(KEY);
}

/** The Authorization header value, or null when nobody is logged in. */
export function authorization() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    return stored && stored.token ? `Basic ${stored.token}` : null;
  } catch {
    return null;
  }
}
