// The extensions page: list with search, add, edit and delete through /api/extensions. Secrets
// (SIP password, voicemail PIN) are write-only: the API never returns them and the form never
// shows them; on edit an empty secret field keeps the stored one.
import { api } from './api.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';
import { callSettingsForm } from './callsettings.js';
import { followMeForm } from './followme.js';
import { pickupGroupsForm } from './pickup.js';

export const title = 'Extensions';

// docs/configuration.md, "Digest algorithm per phone".
const DIGEST_ALGORITHMS = [['auto', 'Automatic'], ['md5', 'MD5 only'], ['sha-256', 'SHA-256 only']];

export function render(main) {
  let all = [];
  const search = h('input', { type: 'search', name: 'search', placeholder: 'Number, name or email' });
  const addButton = h('button', { type: 'button', id: 'add-extension' }, 'Add extension');
  const status = h('p', { class: 'hint', role: 'status', id: 'extensions-status' });
  const listAlert = alertBox();
  const body = h('tbody');
  const table = h('table', { id: 'extensions' },
    h('caption', { class: 'visually-hidden' }, 'Extensions'),
    h('thead', {}, h('tr', {},
      ['Number', 'Name', 'Email', 'External calls', 'Enabled', 'Voicemail PIN', 'Actions']
        .map((label) => h('th', { scope: 'col' }, label)))),
    body);
  const editor = h('div', { id: 'editor' });
  const confirm = confirmDialog('Delete extension?');

  main.append(
    h('h1', {}, 'Extensions'),
    h('div', { class: 'toolbar' }, field('Search extensions', search), addButton),
    listAlert,
    status,
    editor,
    h('div', { class: 'table-wrap' }, table),
    confirm.dialog);

  search.addEventListener('input', show);
  addButton.addEventListener('click', () => openEditor(null));

  async function load() {
    try {
      all = await api('GET', '/api/extensions');
      listAlert.hidden = true;
    } catch (error) {
      listAlert.textContent = `Could not load extensions: ${error.message}`;
      listAlert.hidden = false;
    }
    show();
  }

  function show() {
    const term = search.value.trim().toLowerCase();
    const shown = all.filter((e) => !term
      || [e.number, e.name, e.email ?? ''].some((v) => v.toLowerCase().includes(term)));
    body.replaceChildren(...shown.map(row));
    status.textContent = `${shown.length} of ${all.length} extensions shown`;
  }

  function row(e) {
    return h('tr', { 'data-number': e.number },
      h('td', { 'data-label': 'Number' }, e.number),
      h('td', { 'data-label': 'Name' }, e.name),
      h('td', { 'data-label': 'Email' }, e.email ?? '—'),
      h('td', { 'data-label': 'External calls' }, e.allow_external ? 'allowed' : 'blocked'),
      h('td', { 'data-label': 'Enabled' }, e.enabled ? 'yes' : 'no'),
      h('td', { 'data-label': 'Voicemail PIN' }, e.has_voicemail_pin ? 'set' : 'not set'),
      h('td', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit extension ${e.number}`, onclick: () => openEditor(e) }, 'Edit'),
        h('button', { type: 'button', class: 'danger', 'aria-label': `Delete extension ${e.number}`, onclick: () => confirm.ask(`Extension ${e.number} (${e.name}) will be removed; its phones will stop registering and its voicemail messages are deleted.`, () => remove(e)) }, 'Delete')));
  }

  function openEditor(existing) {
    const editing = existing !== null;
    const inputs = {
      number: h('input', { name: 'number', inputmode: 'numeric', autocomplete: 'off', required: true, readonly: editing, value: existing?.number }),
      name: h('input', { name: 'name', autocomplete: 'off', required: true, value: existing?.name }),
      email: h('input', { name: 'email', type: 'email', autocomplete: 'off', value: existing?.email }),
      password: h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: !editing }),
      voicemailPin: h('input', { name: 'voicemail_pin', type: 'password', inputmode: 'numeric', autocomplete: 'off' }),
      allowExternal: h('input', { name: 'allow_external', type: 'checkbox', checked: existing?.allow_external }),
      enabled: h('input', { name: 'enabled', type: 'checkbox', checked: existing ? existing.enabled : true }),
      digestAlgorithm: h('select', { name: 'digest_algorithm' },
        DIGEST_ALGORITHMS.map(([value, label]) => h('option', { value, selected: (existing?.digest_algorithm ?? 'auto') === value }, label))),
    };
    const keep = editing ? 'Leave empty to keep the current one.' : null;
    const save = h('button', { type: 'submit' }, editing ? 'Save changes' : 'Add extension');
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const form = h('form', { class: 'card', novalidate: true, id: 'extension-form', 'aria-labelledby': 'editor-title' },
      h('h2', { id: 'editor-title' }, editing ? `Edit extension ${existing.number}` : 'New extension'),
      alertBox(),
      h('div', { class: 'grid' },
        field('Number', inputs.number, editing ? 'The number cannot be changed.' : '2 to 10 digits.'),
        field('Name', inputs.name),
        field('Email', inputs.email, 'For voicemail notices; optional.'),
        field('SIP password', inputs.password, keep ?? 'At least 8 characters.'),
        field('Voicemail PIN', inputs.voicemailPin, keep ?? '4 to 10 digits; optional.'),
        field('Allow external calls', inputs.allowExternal),
        field('Enabled', inputs.enabled),
        field('Digest algorithm', inputs.digestAlgorithm, 'Automatic suits almost every phone: it follows the User-Agent rules.')),
      h('div', { class: 'buttons' }, save, cancel));
    cancel.addEventListener('click', closeEditor);
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        closeEditor();
      }
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const payload = {
        name: inputs.name.value,
        email: inputs.email.value,
        allow_external: inputs.allowExternal.checked,
        enabled: inputs.enabled.checked,
        digest_algorithm: inputs.digestAlgorithm.value,
      };
      if (!editing) {
        payload.number = inputs.number.value;
      }
      // Empty secrets are left out: required on create (the API says so), kept on edit.
      if (inputs.password.value) {
        payload.password = inputs.password.value;
      }
      if (inputs.voicemailPin.value) {
        payload.voicemail_pin = inputs.voicemailPin.value;
      }
      save.disabled = true;
      try {
        const saved = editing
          ? await api('PUT', `/api/extensions/${encodeURIComponent(existing.number)}`, payload)
          : await api('POST', '/api/extensions', payload);
        closeEditor();
        await load();
        status.textContent = `Extension ${saved.number} ${editing ? 'saved' : 'added'}.`;
      } catch (error) {
        showError(form, error);
      } finally {
        save.disabled = false;
      }
    });
    // Call settings, follow-me and pickup groups are resources of their own, saved on their own:
    // only an existing extension has them.
    editor.replaceChildren(...(editing
      ? [form, callSettingsForm(existing.number), followMeForm(existing.number), pickupGroupsForm(existing.number)]
      : [form]));
    addButton.disabled = true;
    (editing ? inputs.name : inputs.number).focus();
  }

  function closeEditor() {
    editor.replaceChildren();
    addButton.disabled = false;
    addButton.focus();
  }

  async function remove(e) {
    try {
      await api('DELETE', `/api/extensions/${encodeURIComponent(e.number)}`);
      await load();
      status.textContent = `Extension ${e.number} deleted.`;
    } catch (error) {
      listAlert.textContent = `Could not delete extension ${e.number}: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  load();
}
