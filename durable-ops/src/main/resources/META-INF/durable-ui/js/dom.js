// Building DOM nodes without parsing HTML strings: every text the API returns goes in as a text node.

/**
 * Creates an element.
 * @param {string} tag element name
 * @param {object} [attrs] attributes; `on*` functions become listeners, `dataset` an object,
 *   booleans set or drop the attribute, null/undefined are skipped
 * @param {...(Node|string|number|null|undefined|Array)} children nodes or texts
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'dataset') {
      for (const [k, v] of Object.entries(value)) {
        if (v !== null && v !== undefined) el.dataset[k] = String(v);
      }
    } else if (name === 'className') {
      el.className = value;
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Shows or hides an element through the `hidden` attribute. */
export function show(el, visible) {
  el.hidden = !visible;
}
