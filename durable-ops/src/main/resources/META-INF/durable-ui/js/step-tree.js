// The step tree: the journal's entries nested by their step keys. A key carries its scope's path:
//   reserve#1                                      a step of the workflow method
//   @parallel:warehouses#1/north/@child:packing#1  an entry of branch "north" of a parallel block
//   @saga/release#1                                a compensation
// so every "/"-separated prefix of a key is a node: an entry when the journal has that key, else a
// scope (a branch, the saga's compensations). Child runs (from /tree) hang under the entry that
// started them (their parentStepKey).
import { h, replace } from './dom.js';
import { duration, entryLabel, json, ms, shortId, time } from './format.js';
import { runHref } from './router.js';
import { statusClass } from './statuses.js';

/**
 * Builds the tree.
 * @param {Array} steps journal entries, any order
 * @returns {{children: Array}} the root; a node is {path, segment, entry|null, children}
 */
export function buildStepTree(steps) {
  const root = { path: '', segment: '', entry: null, children: [] };
  const nodes = new Map([['', root]]);
  const sorted = [...steps].sort((a, b) => a.sequence - b.sequence);
  for (const entry of sorted) {
    const segments = entry.key.split('/');
    let parent = root;
    for (let i = 0; i < segments.length; i++) {
      const path = segments.slice(0, i + 1).join('/');
      let node = nodes.get(path);
      if (!node) {
        node = { path, segment: segments[i], entry: null, children: [] };
        nodes.set(path, node);
        parent.children.push(node);
      }
      parent = node;
    }
    parent.entry = entry;
  }
  return root;
}

/** The label of a scope node that has no entry of its own. */
function scopeLabel(segment) {
  return segment === '@saga' ? 'compensations' : `branch ${segment}`;
}

/**
 * Renders the tree into a container.
 * @param {HTMLElement} container
 * @param {Array} steps the journal
 * @param {Array} childTrees the run's children from /tree: [{run, children, truncated}]
 * @param {Set<string>} open the keys of expanded nodes (kept across refreshes)
 */
export function renderStepTree(container, steps, childTrees, open) {
  const root = buildStepTree(steps);
  const byStepKey = new Map();
  for (const child of childTrees) {
    const key = child.run.parentStepKey || '';
    if (!byStepKey.has(key)) byStepKey.set(key, []);
    byStepKey.get(key).push(child);
  }
  const placed = new Set();
  const list = h('ul', { className: 'tree', role: 'tree', 'aria-label': 'Steps' },
    root.children.map((node) => renderNode(node, byStepKey, placed, open)));
  const unplaced = childTrees.filter((c) => !placed.has(c.run.id));
  const rest = unplaced.length
    ? h('div', { className: 'tree-children' }, h('h4', {}, 'Other child runs'), renderChildRuns(unplaced))
    : null;
  replace(container, steps.length ? list : h('p', { className: 'muted', dataset: { testid: 'steps-empty' } },
    'No step journaled yet.'), rest);
}

function renderNode(node, byStepKey, placed, open) {
  const entry = node.entry;
  const label = entry ? entryLabel(entry.name) : scopeLabel(node.segment);
  const children = node.children.map((child) => renderNode(child, byStepKey, placed, open));
  const childRuns = (byStepKey.get(node.path) || []);
  childRuns.forEach((c) => placed.add(c.run.id));
  // the engine's own entries (waits, markers) take no time themselves: their timeline bar tells more
  const took = entry && !entry.name.startsWith('@') ? duration(spanOf(entry)) : '';
  const summary = h('summary', {},
    h('span', { className: 'step-label' }, label),
    entry ? h('span', { className: statusClass(entry.status) }, entry.status) : h('span', { className: 'muted' }, 'scope'),
    entry && entry.attempt > 1 ? h('span', { className: 'attempt', dataset: { testid: 'step-attempt' } },
      `attempt ${entry.attempt}`) : null,
    took ? h('span', { className: 'muted' }, took) : null);
  // a scope (a branch, the compensations) has nothing to expand: only its children
  const head = entry ? h('details', {
    open: open.has(node.path),
    onToggle: (e) => (e.target.open ? open.add(node.path) : open.delete(node.path)),
  }, summary, entryDetails(entry)) : h('div', { className: 'scope' }, [...summary.childNodes]);
  return h('li', {
    role: 'treeitem',
    id: `step-${cssId(node.path)}`,
    dataset: { testid: 'step-node', key: node.path, name: entry ? entry.name : node.segment,
      status: entry ? entry.status : null },
  }, head,
  childRuns.length ? renderChildRuns(childRuns) : null,
  children.length ? h('ul', { role: 'group' }, children) : null);
}

function entryDetails(entry) {
  const rows = [
    ['Key', entry.key], ['Sequence', entry.sequence], ['Attempt', entry.attempt],
    ['Started', time(entry.startedAt)], ['Finished', time(entry.finishedAt)],
  ];
  return h('div', { className: 'step-details' },
    h('dl', { className: 'fields compact' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v ?? ''))])),
    entry.result !== null && entry.result !== undefined
      ? [h('h5', {}, 'Result'), h('pre', { className: 'json', dataset: { testid: 'step-result' } }, json(entry.result))]
      : null,
    entry.error ? [h('h5', {}, 'Error'), h('pre', { className: 'error-text', dataset: { testid: 'step-error' } },
      `${entry.errorType || ''}${entry.errorType ? ': ' : ''}${entry.error}`)] : null);
}

function renderChildRuns(trees) {
  return h('ul', { className: 'child-runs', 'aria-label': 'Child runs' }, trees.map((tree) => h('li', {
    dataset: { testid: 'child-run', runId: tree.run.id },
  }, h('a', { href: runHref(tree.run.id), title: `instance ${tree.run.instanceId}` },
    `child run ${tree.run.workflow} ${shortId(tree.run.id)}`), ' ',
  h('span', { className: statusClass(tree.run.status) }, tree.run.status),
  tree.truncated ? h('span', { className: 'muted' }, ' (more children not shown)') : null,
  tree.children && tree.children.length ? renderChildRuns(tree.children) : null)));
}

function spanOf(entry) {
  const from = ms(entry.startedAt);
  const to = ms(entry.finishedAt);
  return from !== null && to !== null ? to - from : null;
}

/** An id-safe form of a step key. */
export function cssId(key) {
  return key.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}
