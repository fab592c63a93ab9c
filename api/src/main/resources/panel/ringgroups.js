// The ring groups page: the groups whose members' phones ring for one caller (through
// /api/ring-groups), with an editor for the strategy, the members in hunt order, the ring time and
// the final action (any destination kind the dial plan knows, GET /api/dialplan/kinds). The API
// checks members and the final action and names the field; a member's error (members[1]) is shown
// beside the members list.
import { api } from './api.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/ring-groups';

export const title = 'Ring groups';

const STRATEGIES = [['ring_all', 'Ring all together'], ['hunt', 'Hunt in order'],
  ['memory_hunt', 'Hunt, starting after the last one who answered']];

export function render(main) {
  let groups = [];
  let kinds = [];
  const addButton = h('button', { type: 'button', id: 'add-group' }, 'Add ring group');
  const listAlert = alertBox();
  const status = h('p', { class: 'hint', role: 'status', id: 'groups-status' });
  const body = h('tbody');
  const editor = h('div', { id: 'group-editor' });
  const confirm = confirmDialog('Delete ring group?');
  main.append(
    h('h1', {}, 'Ring groups'),
    h('p', { class: 'hint' }, 'Extensions whose phones ring for one caller, together or in turn; busy, '
      + 'do-not-disturb and unregistered members are skipped, and the final action takes calls nobody answered. '
      + 'A dial-plan rule with action "ring_group" and a group as target sends callers here.'),
    h('div', { class: 'toolbar' }, addButton),
    listAlert,
    status,
    editor,
    h('div', { class: 'table-wrap' }, h('table', { id: 'groups' },
      h('caption', { class: 'visually-hidden' }, 'Ring groups'),
      h('thead', {}, h('tr', {}, ['Group', 'Strategy', 'Members', 'Ring time', 'If nobody answers', 'Actions']
        .map((l) => h('th', { scope: 'col' }, l)))),
      body)),
    confirm.dialog);
  addButton.addEventListener('click', () => openEditor(null));

  async function load() {
    try {
      const [loaded, loadedKinds] = await Promise.all([
        api('GET', '/api/ring-groups'), api('GET', '/api/dialplan/kinds').catch(() => [])]);
      groups = loaded;
      kinds = loadedKinds.map((k) => k.name).filter((k) => k !== 'feature');
      body.replaceChildren(...groups.map(row));
      status.textContent = groups.length === 1 ? '1 ring group' : `${groups.length} ring groups`;
      listAlert.hidden = true;
    } catch (error) {
      listAlert.textContent = `Could not load the ring groups: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  function row(g) {
    return h('tr', { 'data-name': g.name },
      h('td', { 'data-label': 'Group' }, g.name),
      h('td', { 'data-label': 'Strategy' }, g.strategy),
      h('td', { 'data-label': 'Members' }, g.members.join(', ')),
      h('td', { 'data-label': 'Ring time' }, `${g.ring_seconds} s`),
      h('td', { 'data-label': 'If nobody answers' },
        g.final_action ? `${g.final_action.action} ${g.final_action.target}` : 'the caller gets the failure'),
      h('td', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit ring group ${g.name}`, onclick: () => openEditor(g) }, 'Edit'),
        h('button', {
          type: 'button', class: 'danger', 'aria-label': `Delete ring group ${g.name}`,
          onclick: () => confirm.ask(`Ring group ${g.name} will be removed.`, () => remove(g)),
        }, 'Delete')));
  }

  function openEditor(existing) {
    const editing = existing !== null;
    const finalKind = existing?.final_action?.action ?? '';
    const inputs = {
      name: h('input', { name: 'name', autocomplete: 'off', required: true, readonly: editing, value: existing?.name }),
      strategy: h('select', { name: 'strategy' },
        STRATEGIES.map(([value, label]) => h('option', { value, selected: value === (existing?.strategy ?? 'ring_all') }, label))),
      members: h('input', { name: 'members', autocomplete: 'off', required: true, value: existing?.members.join(', '),
        placeholder: '2001, 2002' }),
      ringSeconds: h('input', { name: 'ring_seconds', type: 'number', min: 5, max: 300, value: String(existing?.ring_seconds ?? 20) }),
      finalAction: h('select', { name: 'final_action.action' },
        h('option', { value: '', selected: finalKind === '' }, 'None: the caller gets the failure'),
        kinds.map((k) => h('option', { value: k, selected: k === finalKind }, k))),
      finalTarget: h('input', { name: 'final_action.target', autocomplete: 'off', value: existing?.final_action?.target }),
    };
    const save = h('button', { type: 'submit' }, editing ? 'Save ring group' : 'Add ring group');
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const form = h('form', { class: 'card', novalidate: true, id: 'group-form', 'aria-labelledby': 'group-editor-title' },
      h('h2', { id: 'group-editor-title' }, editing ? `Edit ring group ${existing.name}` : 'New ring group'),
      alertBox(),
      h('div', { class: 'grid' },
        field('Name', inputs.name, editing ? 'Ring groups keep their names.' : 'Lower-case letters, digits, - and _.'),
        field('Strategy', inputs.strategy),
        field('Members', inputs.members, 'Extension numbers, in hunt order, separated by commas.'),
        field('Ring seconds', inputs.ringSeconds, 'Per member when hunting; for the whole group when ringing all.'),
        field('If nobody answers', inputs.finalAction), field('Final action target', inputs.finalTarget)),
      h('div', { class: 'buttons' }, save, cancel));

    cancel.addEventListener('click', closeEditor);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const payload = {
        strategy: inputs.strategy.value,
        members: inputs.members.value.split(',').map((m) => m.trim()).filter((m) => m !== ''),
        ring_seconds: Number(inputs.ringSeconds.value),
        final_action: inputs.finalAction.value === '' ? null
          : { action: inputs.finalAction.value, target: inputs.finalTarget.value },
      };
      if (!editing) {
        payload.name = inputs.name.value;
      }
      save.disabled = true;
      try {
        const saved = editing
          ? await api('PUT', `/api/ring-groups/${encodeURIComponent(existing.name)}`, payload)
          : await api('POST', '/api/ring-groups', payload);
        closeEditor();
        await load();
        status.textContent = `Ring group ${saved.name} ${editing ? 'saved' : 'added'}.`;
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
    (editing ? inputs.strategy : inputs.name).focus();
  }

  function closeEditor() {
    editor.replaceChildren();
    addButton.disabled = false;
    addButton.focus();
  }

  async function remove(g) {
    try {
      await api('DELETE', `/api/ring-groups/${encodeURIComponent(g.name)}`);
      await load();
      status.textContent = `Ring group ${g.name} deleted.`;
    } catch (error) {
      listAlert.textContent = `Could not delete ring group ${g.name}: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  load();
}
