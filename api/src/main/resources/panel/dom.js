// Builds DOM nodes from data. The panel never turns strings into HTML (the CSP's Trusted Types
// rule forbids it), so text from the API can never become markup.

/** Creates an element: attributes from props (on* keys become listeners), then children. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key.startsWith('on')) {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'value') {
      el.value = value;
    } else if (key === 'checked') {
      el.checked = true;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      el.append(child instanceof Node ? child : String(child));
    }
  }
  return el;
}

/**
 * A labelled form field whose error paragraph is tied to the input by aria-describedby; the
 * input's name is the API's field name, so an API error with that field lands right here.
 */
export function field(label, input, hint) {
  const id = `f-${input.name}`;
  input.id = id;
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  input.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  const box = h('div', { class: input.type === 'checkbox' ? 'field check' : 'field' });
  const labelEl = h('label', { for: id }, label);
  if (input.type === 'checkbox') {
    box.append(input, labelEl);
  } else {
    box.append(labelEl, input);
  }
  if (hint) {
    box.append(h('p', { class: 'hint', id: hintId }, hint));
  }
  box.append(h('p', { class: 'field-error', id: errorId, 'aria-live': 'polite' }));
  return box;
}

/**
 * field(), with ids prefixed by {@code prefix}: for a section that sits beside another form on the
 * same page (the extension editor and its follow-me and call-settings sections all have fields
 * named enabled), since ids must stay unique for labels and error messages.
 */
export function prefixedField(prefix, label, input, hint) {
  const box = field(label, input, hint);
  box.querySelectorAll('[id]').forEach((el) => { el.id = `${prefix}-${el.id}`; });
  box.querySelector('label').htmlFor = input.id;
  input.setAttribute('aria-describedby', input.getAttribute('aria-describedby').split(' ')
    .map((id) => `${prefix}-${id}`).join(' '));
  return box;
}

/** Clears every field error and the form's alert. */
export function clearErrors(form) {
  for (const p of form.querySelectorAll('.field-error')) {
    p.textContent = '';
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
  }
  const alert = form.querySelector('.alert');
  if (alert) {
    alert.textContent = '';
    alert.hidden = true;
  }
}

/**
 * Shows an API error: next to its field when the form has an input with that name, otherwise in
 * the form's alert. Never swallowed.
 */
export function showError(form, error) {
  const input = error.field ? form.querySelector(`[name="${CSS.escape(error.field)}"]`) : null;
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    form.querySelector(`#${CSS.escape(input.id)}-error`).textContent = error.message;
    input.focus();
    return;
  }
  const alert = form.querySelector('.alert');
  alert.textContent = error.field ? `${error.field}: ${error.message}` : error.message;
  alert.hidden = false;
}

/** An alert box for messages that belong to no single field. */
export function alertBox() {
  return h('p', { class: 'alert', role: 'alert', hidden: true });
}

/**
 * A modal confirmation with the action's button (Delete unless told otherwise) and Cancel; the
 * native dialog keeps focus inside and closes on Escape. ask(text, action) runs action only when
 * the action's button is chosen.
 */
export function confirmDialog(title, actionLabel = 'Delete') {
  const text = h('p', { id: 'confirm-text' });
  const yes = h('button', { type: 'button', class: 'danger', id: 'confirm-delete' }, actionLabel);
  const no = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const dialog = h('dialog', { 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
    h('h2', { id: 'confirm-title' }, title), text, h('div', { class: 'buttons' }, yes, no));
  let pending = null;
  yes.addEventListener('click', () => {
    dialog.close();
    pending();
  });
  no.addEventListener('click', () => dialog.close());
  return {
    dialog,
    ask(message, action) {
      pending = action;
      text.textContent = message;
      dialog.showModal();
      no.focus();
    },
  };
}
