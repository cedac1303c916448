// Hash routes, so the servlet serves one page and a link to a run survives a reload:
//   #/runs?workflow=..&status=..   the runs list with its filters
//   #/runs/RUN_ID                  a run

/** The current route: {view: 'runs', params} or {view: 'run', id}. */
export function current() {
  const hash = location.hash.replace(/^#/, '') || '/runs';
  const [path, search = ''] = hash.split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'runs' && parts.length === 2) {
    return { view: 'run', id: decodeURIComponent(parts[1]) };
  }
  return { view: 'runs', params: Object.fromEntries(new URLSearchParams(search)) };
}

/** The hash of the runs list with these filters. */
export function runsHref(params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return `#/runs${s ? `?${s}` : ''}`;
}

/** The hash of a run's page. */
export function runHref(id) {
  return `#/runs/${encodeURIComponent(id)}`;
}
