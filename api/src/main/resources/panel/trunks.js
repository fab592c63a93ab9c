// SIP trunks to carriers through /api/trunks: each trunk with its live registration (registered,
// failed, unregistered, disabled), its health from OPTIONS probes (up, down, unknown) and the
// last error in words, refreshed every few seconds; add, edit (the password is write-only: left
// empty it stays) and delete. A saved change re-registers the trunk at once on the server.
import { api } from './api.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/trunks';

export const title = 'Trunks';

/** How often the list is read again while the page is open, for the live state. */
const REFRESH_MS = 5000;

export function render(main) {
  const listAlert = alertBox();
  const status = h('p', { class: 'hint', role: 'status', id: 'trunks-status' });
  const body = h('tbody');
  const confirm = confirmDialog('Delete trunk?');
  const editor = trunkForm();
  main.append(
    h('h1', {}, 'Trunks'),
    h('p', { class: 'hint' }, 'Connections to SIP carriers. A trunk that registers shows whether the carrier '
      + 'accepted it; OPTIONS probes show whether the carrier answers.'),
    editor.form,
    h('h2', {}, 'Trunks'),
    listAlert,
    status,
    h('div', { class: 'table-wrap' }, h('table', { id: 'trunks' },
      h('caption', { class: 'visually-hidden' }, 'SIP trunks'),
      h('thead', {}, h('tr', {}, ['Name', 'Carrier', 'User', 'Registration', 'Status', 'Last error', 'Actions']
        .map((l) => h('th', { scope: 'col' }, l)))),
      body)),
    confirm.dialog);

  /** Reads the list; a periodic refresh (live) leaves the status line, which may tell of the last action, alone. */
  async function load(live = false) {
    try {
      const trunks = await api('GET', '/api/trunks');
      body.replaceChildren(...trunks.map(row));
      if (live) {
        listAlert.hidden = true;
        return;
      }
      status.textContent = trunks.length === 0 ? 'No trunk yet.' : `${trunks.length} trunk${trunks.length === 1 ? '' : 's'}`;
      listAlert.hidden = true;
    } catch (error) {
      listAlert.textContent = `Could not load the trunks: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  function row(t) {
    const carrier = `${t.transport}:${t.host}${t.port ? `:${t.port}` : ''}`;
    return h('tr', { 'data-trunk': t.name },
      h('td', { 'data-label': 'Name' }, t.name),
      h('td', { 'data-label': 'Carrier' }, carrier),
      h('td', { 'data-label': 'User' }, t.username ?? ''),
      h('td', { 'data-label': 'Registration', class: `state-${t.registration}` }, t.registration),
      h('td', { 'data-label': 'Status', class: `state-${t.status}` }, t.status),
      h('td', { 'data-label': 'Last error' }, t.last_error ?? ''),
      h('td', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit trunk ${t.name}`, onclick: () => editor.edit(t) }, 'Edit'),
        h('button', {
          type: 'button', class: 'danger', 'aria-label': `Delete trunk ${t.name}`,
          onclick: () => confirm.ask(`Trunk ${t.name} will un-register and be removed.`, () => remove(t)),
        }, 'Delete')));
  }

  async function remove(t) {
    try {
      await api('DELETE', `/api/trunks/${encodeURIComponent(t.name)}`);
    } catch (error) {
      listAlert.textContent = `Could not delete trunk ${t.name}: ${error.message}`;
      listAlert.hidden = false;
      return;
    }
    await load();
    status.textContent = `Trunk ${t.name} deleted.`;
  }

  function trunkForm() {
    const inputs = {
      name: h('input', { name: 'name', autocomplete: 'off', required: true }),
      host: h('input', { name: 'host', autocomplete: 'off', required: true }),
      port: h('input', { name: 'port', inputmode: 'numeric', autocomplete: 'off' }),
      transport: h('select', { name: 'transport' }, ['udp', 'tcp', 'tls'].map((v) => h('option', { value: v }, v))),
      username: h('input', { name: 'username', autocomplete: 'off' }),
      password: h('input', { name: 'password', type: 'password', autocomplete: 'new-password' }),
      register: h('input', { name: 'register', type: 'checkbox' }),
      enabled: h('input', { name: 'enabled', type: 'checkbox', checked: true }),
    };
    let editing = null; // the name of the trunk being edited, or null for a new one
    const heading = h('h2', { id: 'trunk-form-title' }, 'Add a trunk');
    const save = h('button', { type: 'submit' }, 'Save trunk');
    const cancel = h('button', { type: 'button', class: 'secondary', hidden: true }, 'New trunk instead');
    const form = h('form', { class: 'card', novalidate: true, id: 'trunk-form', 'aria-labelledby': 'trunk-form-title' },
      heading,
      alertBox(),
      h('div', { class: 'grid' },
        field('Name', inputs.name, 'Letters, digits, ".", "_" or "-"; outbound routes name it.'),
        field('Host', inputs.host, 'The carrier\'s host name or IP address.'),
        field('Port', inputs.port, 'Empty: found by DNS SRV, else the transport\'s default (5060, 5061 for TLS).'),
        field('Transport', inputs.transport),
        field('User', inputs.username, 'The account the carrier gave you.'),
        field('Password', inputs.password, 'Never shown again; left empty when editing, it stays.'),
        field('Register', inputs.register),
        field('Enabled', inputs.enabled)),
      h('div', { class: 'buttons' }, save, cancel));
    cancel.addEventListener('click', reset);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      save.disabled = true;
      const trunk = {
        name: inputs.name.value,
        host: inputs.host.value,
        transport: inputs.transport.value,
        register: inputs.register.checked,
        enabled: inputs.enabled.checked,
      };
      if (inputs.port.value.trim() !== '') {
        trunk.port = Number(inputs.port.value);
      }
      if (inputs.username.value.trim() !== '') {
        trunk.username = inputs.username.value;
      }
      if (inputs.password.value !== '') {
        trunk.password = inputs.password.value;
      }
      try {
        const saved = editing === null
          ? await api('POST', '/api/trunks', trunk)
          : await api('PUT', `/api/trunks/${encodeURIComponent(editing)}`, trunk);
        reset();
        await load();
        status.textContent = `Trunk ${saved.name} saved.`;
      } catch (error) {
        showError(form, error);
      } finally {
        save.disabled = false;
      }
    });

    function reset() {
      form.reset();
      editing = null;
      inputs.name.disabled = false;
      heading.textContent = 'Add a trunk';
      cancel.hidden = true;
    }

    return {
      form,
      /** Loads a listed trunk into the form; saving replaces its settings (the name stays). */
      edit(t) {
        clearErrors(form);
        editing = t.name;
        inputs.name.value = t.name;
        inputs.name.disabled = true;
        inputs.host.value = t.host;
        inputs.port.value = t.port ?? '';
        inputs.transport.value = t.transport;
        inputs.username.value = t.username ?? '';
        inputs.password.value = '';
        inputs.register.checked = t.register;
        inputs.enabled.checked = t.enabled;
        heading.textContent = `Edit trunk ${t.name}`;
        cancel.hidden = false;
        inputs.host.focus();
      },
    };
  }

  load();
  const timer = setInterval(() => load(true), REFRESH_MS);
  return () => clearInterval(timer);
}
