// Refreshing while something can change: one call at a time, every interval, paused while the tab is
// hidden, stopped for good by stop() or when the work says there is nothing more to wait for.

/**
 * Starts polling.
 * @param {() => Promise<boolean>} work one refresh; resolves to false to stop polling
 * @param {number} intervalMs the pause between the end of one refresh and the next
 * @returns {() => void} stop
 */
export function poll(work, intervalMs) {
  let stopped = false;
  let timer = null;
  let running = false;
  const schedule = () => {
    if (!stopped && !document.hidden) timer = setTimeout(tick, intervalMs);
  };
  const tick = async () => {
    timer = null;
    running = true;
    let more = true;
    try {
      more = await work();
    } catch {
      // the view shows the error; keep trying, the server may be back
    }
    running = false;
    if (more === false) stopped = true;
    schedule();
  };
  const visibility = () => {
    if (!document.hidden && !stopped && timer === null && !running) tick();
  };
  document.addEventListener('visibilitychange', visibility);
  schedule();
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    document.removeEventListener('visibilitychange', visibility);
  };
}
