// The paging page: the zones whose phones a caller pages at once (through /api/paging-zones), with
// an editor for the number, the members, the beep and the longest page. The phones answer by
// themselves (auto-answer headers) and only hear the caller; the API checks the members and names
// the field, and a member's error (members[1]) is shown beside the members list.
import { api } from './api.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/paging-zones';

export const title = 'Paging';

export function render(main) {
  let zones = [];
  const addButton = h('button', { type: 'button', id: 'add-zone' }, 'Add paging zone');
  const listAlert = alertBox();
  const status = h('p', { class: 'hint', role: 'status', id: 'zones-status' });
  const body = h('tbody');
  const editor = h('div', { id: 'zone-editor' });
  const confirm = confirmDialog('Delete paging zone?');
  main.append(
    h('h1', {}, 'Paging'),
    h('p', { class: 'hint' }, 'Zones of extensions whose phones answer by themselves and hear the caller, one way; '
      + 'busy and unregistered members are skipped. A dial-plan rule with action "page" and a zone as target sends '
      + 'callers here; action "intercom" with an extension (or $1 of a rule such as \\*80(\\d+)) talks both ways.'),
    h('div', { class: 'toolbar' }, addButton),
    listAlert,
    status,
    editor,
    h('div', { class: 'table-wrap' }, h('table', { id: 'zones' },
      h('caption', { class: 'visually-hidden' }, 'Paging zones'),
      h('thead', {}, h('tr', {}, ['Zone', 'Number', 'Members', 'Beep', 'Longest page', 'Actions']
        .map((l) => h('th', { scope: 'col' }, l)))),
      body)),
    confirm.dialog);
  addButton.addEventListener('click', () => openEditor(null));

  async function load() {
    try {
      zones = await api('GET', '/api/paging-zones');
      body.replaceChildren(...zones.map(row));
      status.textContent = zones.length === 1 ? '1 paging zone' : `${zones.length} paging zones`;
      listAlert.hidden = true;
    } catch (error) {
      listAlert.textContent = `Could not load the paging zones: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  function row(z) {
    return h('tr', { 'data-name': z.name },
      h('td', { 'data-label': 'Zone' }, z.name),
      h('td', { 'data-label': 'Number' }, z.number ?? ''),
      h('td', { 'data-label': 'Members' }, z.members.join(', ')),
      h('td', { 'data-label': 'Beep' }, z.beep ? 'yes' : 'no'),
      h('td', { 'data-label': 'Longest page' }, `${z.max_seconds} s`),
      h('td', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit paging zone ${z.name}`, onclick: () => openEditor(z) }, 'Edit'),
        h('button', {
          type: 'button', class: 'danger', 'aria-label': `Delete paging zone ${z.name}`,
          onclick: () => confirm.ask(`Paging zone ${z.name} will be removed.`, () => remove(z)),
        }, 'Delete')));
  }

  function openEditor(existing) {
    const editing = existing !== null;
    const inputs = {
      name: h('input', { name: 'name', autocomplete: 'off', required: true, readonly: editing, value: existing?.name }),
      number: h('input', { name: 'number', autocomplete: 'off', value: existing?.number, placeholder: '600' }),
      members: h('input', { name: 'members', autocomplete: 'off', required: true, value: existing?.members.join(', '),
        placeholder: '2001, 2002' }),
      beep: h('input', { name: 'beep', type: 'checkbox', checked: existing?.beep ?? true }),
      maxSeconds: h('input', { name: 'max_seconds', type: 'number', min: 5, max: 3600, value: String(existing?.max_seconds ?? 60) }),
    };
    const save = h('button', { type: 'submit' }, editing ? 'Save paging zone' : 'Add paging zone');
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const form = h('form', { class: 'card', novalidate: true, id: 'zone-form', 'aria-labelledby': 'zone-editor-title' },
      h('h2', { id: 'zone-editor-title' }, editing ? `Edit paging zone ${existing.name}` : 'New paging zone'),
      alertBox(),
      h('div', { class: 'grid' },
        field('Name', inputs.name, editing ? 'Paging zones keep their names.' : 'Lower-case letters, digits, - and _.'),
        field('Number', inputs.number, 'What people dial, for reading; the dial-plan rule routes it.'),
        field('Members', inputs.members, 'Extension numbers separated by commas.'),
        field('Beep before speaking', inputs.beep),
        field('Longest page (seconds)', inputs.maxSeconds, 'The page ends by itself after this long.')),
      h('div', { class: 'buttons' }, save, cancel));

    cancel.addEventListener('click', closeEditor);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const payload = {
        number: inputs.number.value.trim() === '' ? null : inputs.number.value.trim(),
        members: inputs.members.value.split(',').map((m) => m.trim()).filter((m) => m !== ''),
        beep: inputs.beep.checked,
        max_seconds: Number(inputs.maxSeconds.value),
      };
      if (!editing) {
        payload.name = inputs.name.value;
      }
      save.disabled = true;
      try {
        const saved = editing
          ? await api('PUT', `/api/paging-zones/${encodeURIComponent(existing.name)}`, payload)
          : await api('POST', '/api/paging-zones', payload);
        closeEditor();
        await load();
        status.textContent = `Paging zone ${saved.name} ${editing ? 'saved' : 'added'}.`;
      } catch (error) {
        // members[i] has no input of its own: it belongs to the members list.
        showError(form, error.field?.startsWith('members[')
          ? Object.assign(error, { field: 'members', message: `${error.field}: ${error.message}` }) : error);
      } finally {
        save.disabled = false;
      }
    });
    editor.replaceChildren(form);
    addButton.disabled = true;
    (editing ? inputs.number : inputs.name).focus();
  }

  function closeEditor() {
    editor.replaceChildren();
    addButton.disabled = false;
    addButton.focus();
  }

  async function remove(z) {
    try {
      await api('DELETE', `/api/paging-zones/${encodeURIComponent(z.name)}`);
      await load();
      status.textContent = `Paging zone ${z.name} deleted.`;
    } catch (error) {
      listAlert.textContent = `Could not delete paging zone ${z.name}: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  load();
}
