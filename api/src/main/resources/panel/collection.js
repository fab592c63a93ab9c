// The table-and-form section shared by the pages that edit one API collection per table
// (outbound routes and rates, inbound routes, time rules, holidays, emergency locations, the phone book).
import { api } from './api.js';
import { alertBox, clearErrors, h, showError } from './dom.js';

/**
 * A table of one API collection with its add, edit and delete, for pages whose items are edited in
 * one form each. s: id, noun, title, path (the collection), key(item) (its path segment and name),
 * columns and cells(item), inputs(item or null), fields(inputs, editing), payload(inputs, editing),
 * and optionally errorOf(error), which moves an API error to the field the form shows it at;
 * label(item), how people name an item when its key is not a name (a contact's id);
 * itemPath(key), where one item lives when that is not path/key; and addKey(inputs), for items
 * that are added by a PUT to their own path (the key read from the form) rather than a POST.
 * confirm is the page's confirmDialog. Returns the section's element and load().
 */
export function collectionSection(s, confirm) {
  let items = [];
  const itemPath = s.itemPath ?? ((key) => `${s.path}/${encodeURIComponent(key)}`);
  const addButton = h('button', { type: 'button', id: `add-${s.noun}` }, `Add ${s.noun}`);
  const listAlert = alertBox();
  const status = h('p', { class: 'hint', role: 'status', id: `${s.id}-status` });
  const body = h('tbody');
  const editor = h('div', { id: `${s.noun}-editor` });
  const element = h('section', { 'aria-labelledby': `${s.id}-title` },
    h('h2', { id: `${s.id}-title` }, s.title),
    h('div', { class: 'toolbar' }, addButton), listAlert, status, editor,
    h('div', { class: 'table-wrap' }, h('table', { id: s.id },
      h('caption', { class: 'visually-hidden' }, s.title),
      h('thead', {}, h('tr', {}, [...s.columns, 'Actions'].map((l) => h('th', { scope: 'col' }, l)))),
      body)));
  addButton.addEventListener('click', () => open(null));

  async function load() {
    try {
      items = await api('GET', s.path);
      body.replaceChildren(...items.map(row));
      status.textContent = `${items.length} ${s.noun}${items.length === 1 ? '' : 's'}`;
      listAlert.hidden = true;
    } catch (error) {
      listAlert.textContent = `Could not load the ${s.noun}s: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  const label = (item) => (s.label ? s.label(item) : s.key(item));

  function row(item) {
    const name = label(item);
    return h('tr', { [`data-${s.noun}`]: name },
      ...s.columns.map((column, index) => h('td', { 'data-label': column }, s.cells(item)[index])),
      h('td', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit ${s.noun} ${name}`, onclick: () => open(item) }, 'Edit'),
        h('button', {
          type: 'button', class: 'danger', 'aria-label': `Delete ${s.noun} ${name}`,
          onclick: () => confirm.ask(`The ${s.noun} ${name} will be removed.`, () => remove(item)),
        }, 'Delete')));
  }

  function open(existing) {
    const editing = existing !== null;
    const inputs = s.inputs(existing);
    const save = h('button', { type: 'submit' }, editing ? `Save ${s.noun}` : `Add ${s.noun}`);
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const form = h('form', { class: 'card', novalidate: true, id: `${s.noun}-form` },
      h('h3', {}, editing ? `Edit ${s.noun} ${label(existing)}` : `New ${s.noun}`),
      alertBox(), h('div', { class: 'grid' }, ...s.fields(inputs, editing)), h('div', { class: 'buttons' }, save, cancel));
    cancel.addEventListener('click', close);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      save.disabled = true;
      try {
        const payload = s.payload(inputs, editing);
        const saved = editing || s.addKey
          ? await api('PUT', itemPath(editing ? s.key(existing) : s.addKey(inputs)), payload)
          : await api('POST', s.path, payload);
        close();
        await load();
        status.textContent = `The ${s.noun} ${label(saved)} is ${editing ? 'saved' : 'added'}.`;
      } catch (error) {
        showError(form, s.errorOf ? s.errorOf(error) : error);
      } finally {
        save.disabled = false;
      }
    });
    editor.replaceChildren(form);
    addButton.disabled = true;
    form.querySelector('input:not([readonly])').focus();
  }

  function close() {
    editor.replaceChildren();
    addButton.disabled = false;
    addButton.focus();
  }

  async function remove(item) {
    try {
      await api('DELETE', itemPath(s.key(item)));
      await load();
      status.textContent = `The ${s.noun} ${label(item)} is deleted.`;
    } catch (error) {
      listAlert.textContent = `Could not delete the ${s.noun} ${label(item)}: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  return { element, load };
}
