// Conference rooms through /api/conferences: the rooms with their PINs and limits (add, edit,
// delete), and who is in each room right now on this node (caller, since when, moderator, muted,
// waiting for a moderator), refreshed every few seconds, with mute/unmute and kick for each caller.
import { api } from './api.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/conferences';

export const title = 'Conferences';

/** How often rooms and participants are read again while the page is open. */
const REFRESH_MS = 3000;

export function render(main) {
  const listAlert = alertBox();
  const status = h('p', { class: 'hint', role: 'status', id: 'conferences-status' });
  const body = h('tbody');
  const people = h('div', { id: 'conference-participants' });
  const confirm = confirmDialog('Delete room?');
  const editor = roomForm();
  main.append(
    h('h1', {}, 'Conferences'),
    h('p', { class: 'hint' }, 'Rooms callers reach through a dial-plan rule {"action":"conference","target":"<room>"}. '
      + 'In a room, 6 (or *6) mutes or unmutes oneself; a moderator\'s 9 mutes or unmutes everyone else and 3 '
      + 'hangs up the last caller who came in.'),
    editor.form,
    h('h2', {}, 'Rooms'),
    listAlert,
    status,
    h('div', { class: 'table-wrap' }, h('table', { id: 'conferences' },
      h('caption', { class: 'visually-hidden' }, 'Conference rooms'),
      h('thead', {}, h('tr', {}, ['Name', 'Number', 'PIN', 'Moderator PIN', 'Max', 'In the room', 'Actions']
        .map((l) => h('th', { scope: 'col' }, l)))),
      body)),
    people,
    confirm.dialog);

  async function load(live = false) {
    try {
      const rooms = await api('GET', '/api/conferences');
      body.replaceChildren(...rooms.map(row));
      const busy = rooms.filter((r) => r.participants > 0);
      const lists = await Promise.all(busy.map((r) =>
        api('GET', `/api/conferences/${encodeURIComponent(r.name)}/participants`).then((list) => [r.name, list])));
      people.replaceChildren(...lists.map(([name, list]) => participantsTable(name, list)));
      listAlert.hidden = true;
      if (!live) {
        status.textContent = rooms.length === 0 ? 'No room yet.' : `${rooms.length} room${rooms.length === 1 ? '' : 's'}`;
      }
    } catch (error) {
      listAlert.textContent = `Could not load the rooms: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  function row(r) {
    return h('tr', { 'data-room': r.name },
      h('td', { 'data-label': 'Name' }, r.name),
      h('td', { 'data-label': 'Number' }, r.number ?? ''),
      h('td', { 'data-label': 'PIN' }, r.pin === '' ? 'none' : r.pin),
      h('td', { 'data-label': 'Moderator PIN' }, r.moderator_pin === '' ? 'none' : r.moderator_pin),
      h('td', { 'data-label': 'Max' }, String(r.max_participants)),
      h('td', { 'data-label': 'In the room' }, String(r.participants)),
      h('td', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit room ${r.name}`, onclick: () => editor.edit(r) }, 'Edit'),
        h('button', {
          type: 'button', class: 'danger', 'aria-label': `Delete room ${r.name}`,
          onclick: () => confirm.ask(`Room ${r.name} will be removed; callers in it stay until they hang up.`, () => remove(r)),
        }, 'Delete')));
  }

  function participantsTable(room, list) {
    return h('section', { 'data-participants': room },
      h('h2', {}, `In ${room}`),
      h('div', { class: 'table-wrap' }, h('table', {},
        h('caption', { class: 'visually-hidden' }, `Callers in ${room}`),
        h('thead', {}, h('tr', {}, ['Caller', 'Since', 'Role', 'Muted', 'Actions'].map((l) => h('th', { scope: 'col' }, l)))),
        h('tbody', {}, list.map((p) => h('tr', { 'data-participant': String(p.id) },
          h('td', { 'data-label': 'Caller' }, p.caller_name ? `${p.caller_name} (${p.caller})` : p.caller),
          h('td', { 'data-label': 'Since' }, new Date(p.joined_at).toLocaleTimeString()),
          h('td', { 'data-label': 'Role' }, p.moderator ? 'moderator' : (p.waiting ? 'waiting for a moderator' : 'caller')),
          h('td', { 'data-label': 'Muted' }, p.muted ? 'yes' : 'no'),
          h('td', { class: 'actions' },
            h('button', {
              type: 'button', class: 'secondary', 'aria-label': `${p.muted ? 'Unmute' : 'Mute'} ${p.caller}`,
              onclick: () => act('PATCH', room, p, { muted: !p.muted }),
            }, p.muted ? 'Unmute' : 'Mute'),
            h('button', {
              type: 'button', class: 'danger', 'aria-label': `Kick ${p.caller}`,
              onclick: () => act('DELETE', room, p),
            }, 'Kick'))))))));
  }

  async function act(method, room, p, change) {
    try {
      await api(method, `/api/conferences/${encodeURIComponent(room)}/participants/${p.id}`, change);
    } catch (error) {
      listAlert.textContent = `Could not change ${p.caller} in ${room}: ${error.message}`;
      listAlert.hidden = false;
      return;
    }
    await load(true);
  }

  async function remove(r) {
    try {
      await api('DELETE', `/api/conferences/${encodeURIComponent(r.name)}`);
    } catch (error) {
      listAlert.textContent = `Could not delete room ${r.name}: ${error.message}`;
      listAlert.hidden = false;
      return;
    }
    await load();
    status.textContent = `Room ${r.name} deleted.`;
  }

  function roomForm() {
    const inputs = {
      name: h('input', { name: 'name', autocomplete: 'off', required: true }),
      number: h('input', { name: 'number', autocomplete: 'off', inputmode: 'tel' }),
      pin: h('input', { name: 'pin', autocomplete: 'off', inputmode: 'numeric' }),
      moderator_pin: h('input', { name: 'moderator_pin', autocomplete: 'off', inputmode: 'numeric' }),
      max_participants: h('input', { name: 'max_participants', inputmode: 'numeric', value: '20' }),
      wait_for_moderator: h('input', { name: 'wait_for_moderator', type: 'checkbox' }),
      tones: h('input', { name: 'tones', type: 'checkbox', checked: true }),
      record: h('input', { name: 'record', type: 'checkbox' }),
    };
    let editing = null; // the name of the room being edited, or null for a new one
    const heading = h('h2', { id: 'conference-form-title' }, 'Add a room');
    const save = h('button', { type: 'submit' }, 'Save room');
    const cancel = h('button', { type: 'button', class: 'secondary', hidden: true }, 'New room instead');
    const form = h('form', { class: 'card', novalidate: true, id: 'conference-form', 'aria-labelledby': 'conference-form-title' },
      heading,
      alertBox(),
      h('div', { class: 'grid' },
        field('Name', inputs.name, 'Letters, digits, ".", "_" or "-"; dial-plan rules name it.'),
        field('Number', inputs.number, 'What callers dial, for people to read; a dial-plan rule routes it.'),
        field('PIN', inputs.pin, 'Digits every caller types, then #; empty for none.'),
        field('Moderator PIN', inputs.moderator_pin, 'Digits that make a caller the moderator; empty for none.'),
        field('Max participants', inputs.max_participants, '2 to 500.'),
        field('Wait for moderator', inputs.wait_for_moderator, 'Callers hear music until a moderator comes.'),
        field('Join and leave tones', inputs.tones),
        field('Record', inputs.record, 'The room\'s sound goes to a WAV file in the data directory.')),
      h('div', { class: 'buttons' }, save, cancel));
    cancel.addEventListener('click', reset);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      save.disabled = true;
      const room = {
        name: inputs.name.value,
        pin: inputs.pin.value,
        moderator_pin: inputs.moderator_pin.value,
        max_participants: Number(inputs.max_participants.value),
        wait_for_moderator: inputs.wait_for_moderator.checked,
        tones: inputs.tones.checked,
        record: inputs.record.checked,
      };
      if (inputs.number.value.trim() !== '') {
        room.number = inputs.number.value;
      }
      try {
        const saved = editing === null
          ? await api('POST', '/api/conferences', room)
          : await api('PUT', `/api/conferences/${encodeURIComponent(editing)}`, room);
        reset();
        await load();
        status.textContent = `Room ${saved.name} saved.`;
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
      heading.textContent = 'Add a room';
      cancel.hidden = true;
    }

    return {
      form,
      /** Loads a listed room into the form; saving replaces its settings (the name stays). */
      edit(r) {
        clearErrors(form);
        editing = r.name;
        inputs.name.value = r.name;
        inputs.name.disabled = true;
        inputs.number.value = r.number ?? '';
        inputs.pin.value = r.pin;
        inputs.moderator_pin.value = r.moderator_pin;
        inputs.max_participants.value = String(r.max_participants);
        inputs.wait_for_moderator.checked = r.wait_for_moderator;
        inputs.tones.checked = r.tones;
        inputs.record.checked = r.record;
        heading.textContent = `Edit room ${r.name}`;
        cancel.hidden = false;
        inputs.number.focus();
      },
    };
  }

  load();
  const timer = setInterval(() => load(true), REFRESH_MS);
  return () => clearInterval(timer);
}
