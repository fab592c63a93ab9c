// Call queues through /api/queues: a wallboard of every queue on this node (waiting callers, longest
// wait, answered, abandoned, service level, each agent's state with log-in/out and pause buttons
// through /api/queue-agents), refreshed every few seconds, and the queues themselves (add, edit,
// delete) with the strategy, members, ring and wrap-up times, limits and the timeout action. The API
// checks every field and names it; a member's error (members[1]) is shown beside the members list.
import { api } from './api.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/queues';

export const title = 'Queues';

/** How often the wallboard is read again while the page is open. */
const REFRESH_MS = 2000;

const STRATEGIES = [['ring_all', 'Ring all free agents'], ['round_robin', 'Round robin'],
  ['least_recent', 'Least recently called'], ['fewest_calls', 'Fewest calls'], ['random', 'Random'],
  ['linear', 'In order, from the first'], ['skills', 'Most skilled (skills are set through the API)']];

export function render(main) {
  let queues = [];
  let kinds = [];
  const addButton = h('button', { type: 'button', id: 'add-queue' }, 'Add queue');
  const listAlert = alertBox();
  const status = h('p', { class: 'hint', role: 'status', id: 'queues-status' });
  const board = h('div', { id: 'wallboard', class: 'grid' });
  const body = h('tbody');
  const editor = h('div', { id: 'queue-editor' });
  const confirm = confirmDialog('Delete queue?');
  main.append(
    h('h1', {}, 'Queues'),
    h('p', { class: 'hint' }, 'Callers wait with music and hear their position until a free agent answers. '
      + 'A dial-plan rule with action "queue" and a queue as target sends callers here; agents log in, out and '
      + 'pause with rules of action "queue_agent" (targets login, logout, pause, unpause) or the buttons below.'),
    h('h2', {}, 'Wallboard'),
    board,
    h('h2', {}, 'Queues'),
    h('div', { class: 'toolbar' }, addButton),
    listAlert,
    status,
    editor,
    h('div', { class: 'table-wrap' }, h('table', { id: 'queues' },
      h('caption', { class: 'visually-hidden' }, 'Queues'),
      h('thead', {}, h('tr', {}, ['Queue', 'Strategy', 'Members', 'Ring / wrap-up', 'Longest wait', 'Then', 'Actions']
        .map((l) => h('th', { scope: 'col' }, l)))),
      body)),
    confirm.dialog);
  addButton.addEventListener('click', () => openEditor(null));

  async function load() {
    try {
      const [loaded, loadedKinds] = await Promise.all([
        api('GET', '/api/queues'), api('GET', '/api/dialplan/kinds').catch(() => [])]);
      queues = loaded;
      kinds = loadedKinds.map((k) => k.name).filter((k) => k !== 'feature' && k !== 'queue_agent');
      body.replaceChildren(...queues.map(row));
      status.textContent = queues.length === 1 ? '1 queue' : `${queues.length} queues`;
      listAlert.hidden = true;
      await refreshBoard();
    } catch (error) {
      listAlert.textContent = `Could not load the queues: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  async function refreshBoard() {
    const stats = await Promise.all(queues.map((q) => api('GET', `/api/queues/${encodeURIComponent(q.name)}/stats`)
      .catch(() => null)));
    board.replaceChildren(...stats.filter((s) => s !== null).map(tile));
  }

  function tile(s) {
    return h('section', { class: 'card', 'data-queue': s.queue, 'aria-label': `Queue ${s.queue}` },
      h('h3', {}, s.queue),
      h('dl', {},
        ...[['Waiting', s.waiting], ['Longest wait', `${s.longest_wait_seconds} s`], ['Answered', s.answered],
          ['Abandoned', s.abandoned], ['Timed out', s.timed_out], ['Service level', `${s.service_level_percent} %`],
          ['Average wait', `${s.average_wait_seconds} s`], ['Callbacks waiting', s.callbacks_waiting]]
          .flatMap(([label, value]) => [h('dt', {}, label), h('dd', { 'data-stat': label }, String(value))])),
      h('ul', { class: 'agents' }, s.agents.map((a) => h('li', { 'data-agent': a.extension },
        `${a.extension}: ${a.state.replace('_', ' ')} (${a.answered} answered) `,
        h('button', {
          type: 'button', class: 'secondary', onclick: () => setAgent(a.extension, { logged_in: a.state === 'logged_out' }),
        }, a.state === 'logged_out' ? 'Log in' : 'Log out'),
        h('button', {
          type: 'button', class: 'secondary', hidden: a.state === 'logged_out',
          onclick: () => setAgent(a.extension, { paused: a.state !== 'paused' }),
        }, a.state === 'paused' ? 'Unpause' : 'Pause')))));
  }

  async function setAgent(extension, change) {
    try {
      await api('PUT', `/api/queue-agents/${encodeURIComponent(extension)}`, change);
      await refreshBoard();
    } catch (error) {
      listAlert.textContent = `Could not change agent ${extension}: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  function row(q) {
    return h('tr', { 'data-name': q.name },
      h('td', { 'data-label': 'Queue' }, q.name),
      h('td', { 'data-label': 'Strategy' }, q.strategy),
      h('td', { 'data-label': 'Members' }, q.members.join(', ')),
      h('td', { 'data-label': 'Ring / wrap-up' }, `${q.ring_seconds} s / ${q.wrap_up_seconds} s`),
      h('td', { 'data-label': 'Longest wait' }, q.max_wait_seconds === 0 ? 'no limit' : `${q.max_wait_seconds} s`),
      h('td', { 'data-label': 'Then' }, q.timeout_action ? `${q.timeout_action.action} ${q.timeout_action.target}` : 'hang up'),
      h('td', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit queue ${q.name}`, onclick: () => openEditor(q) }, 'Edit'),
        h('button', {
          type: 'button', class: 'danger', 'aria-label': `Delete queue ${q.name}`,
          onclick: () => confirm.ask(`Queue ${q.name} will be removed.`, () => remove(q)),
        }, 'Delete')));
  }

  function openEditor(existing) {
    const editing = existing !== null;
    const timeoutKind = existing?.timeout_action?.action ?? '';
    const number = (name, min, max, value) => h('input', { name, type: 'number', min, max, value: String(value) });
    const inputs = {
      name: h('input', { name: 'name', autocomplete: 'off', required: true, readonly: editing, value: existing?.name }),
      strategy: h('select', { name: 'strategy' },
        STRATEGIES.map(([value, label]) => h('option', { value, selected: value === (existing?.strategy ?? 'ring_all') }, label))),
      members: h('input', { name: 'members', autocomplete: 'off', value: existing?.members.join(', '), placeholder: '2001, 2002' }),
      ringSeconds: number('ring_seconds', 5, 300, existing?.ring_seconds ?? 15),
      wrapUpSeconds: number('wrap_up_seconds', 0, 3600, existing?.wrap_up_seconds ?? 0),
      maxWaitSeconds: number('max_wait_seconds', 0, 86400, existing?.max_wait_seconds ?? 300),
      maxCallers: number('max_callers', 0, 10000, existing?.max_callers ?? 0),
      announceSeconds: number('announce_seconds', 0, 3600, existing?.announce_seconds ?? 60),
      mohClass: h('input', { name: 'moh_class', autocomplete: 'off', value: existing?.moh_class ?? '', placeholder: 'default' }),
      timeoutAction: h('select', { name: 'timeout_action.action' },
        h('option', { value: '', selected: timeoutKind === '' }, 'None: hang up'),
        kinds.map((k) => h('option', { value: k, selected: k === timeoutKind }, k))),
      timeoutTarget: h('input', { name: 'timeout_action.target', autocomplete: 'off', value: existing?.timeout_action?.target }),
      exitDigit: h('input', { name: 'voicemail_exit.digit', autocomplete: 'off', maxlength: 1, value: existing?.voicemail_exit?.digit }),
      exitBox: h('input', { name: 'voicemail_exit.box', autocomplete: 'off', value: existing?.voicemail_exit?.box }),
      callbackDigit: h('input', { name: 'callback.digit', autocomplete: 'off', maxlength: 1, value: existing?.callback?.digit }),
    };
    const save = h('button', { type: 'submit' }, editing ? 'Save queue' : 'Add queue');
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const form = h('form', { class: 'card', novalidate: true, id: 'queue-form', 'aria-labelledby': 'queue-editor-title' },
      h('h2', { id: 'queue-editor-title' }, editing ? `Edit queue ${existing.name}` : 'New queue'),
      alertBox(),
      h('div', { class: 'grid' },
        field('Name', inputs.name, editing ? 'Queues keep their names.' : 'Lower-case letters, digits, - and _.'),
        field('Strategy', inputs.strategy),
        field('Members', inputs.members, 'Extension numbers, in order, separated by commas.'),
        field('Ring seconds', inputs.ringSeconds, 'How long an agent rings before the next one is tried.'),
        field('Wrap-up seconds', inputs.wrapUpSeconds, 'An agent\'s rest after each queue call.'),
        field('Longest wait (s)', inputs.maxWaitSeconds, '0: no limit.'),
        field('Most callers', inputs.maxCallers, '0: no limit.'),
        field('Announce every (s)', inputs.announceSeconds, 'Position and estimated wait; 0: never.'),
        field('Music class', inputs.mohClass, 'Empty: the default class.'),
        field('Past the limits', inputs.timeoutAction), field('Target', inputs.timeoutTarget),
        field('Voicemail key', inputs.exitDigit, 'Empty: none.'), field('Voicemail box', inputs.exitBox),
        field('Callback key', inputs.callbackDigit, 'Keeps a caller\'s place and calls it back; empty: none.')),
      h('div', { class: 'buttons' }, save, cancel));

    cancel.addEventListener('click', closeEditor);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const payload = {
        strategy: inputs.strategy.value,
        members: inputs.members.value.split(',').map((m) => m.trim()).filter((m) => m !== ''),
        ring_seconds: Number(inputs.ringSeconds.value),
        wrap_up_seconds: Number(inputs.wrapUpSeconds.value),
        max_wait_seconds: Number(inputs.maxWaitSeconds.value),
        max_callers: Number(inputs.maxCallers.value),
        announce_seconds: Number(inputs.announceSeconds.value),
        moh_class: inputs.mohClass.value.trim() === '' ? null : inputs.mohClass.value.trim(),
        timeout_action: inputs.timeoutAction.value === '' ? null
          : { action: inputs.timeoutAction.value, target: inputs.timeoutTarget.value },
        voicemail_exit: inputs.exitDigit.value === '' ? null : { digit: inputs.exitDigit.value, box: inputs.exitBox.value },
        // the tries and their spacing are kept as they are (API only)
        callback: inputs.callbackDigit.value === '' ? null : { ...existing?.callback, digit: inputs.callbackDigit.value },
        // not edited here: kept as they are, since a PUT replaces the whole queue
        skill_requirements: existing?.skill_requirements ?? {},
        service_level_seconds: existing?.service_level_seconds ?? 20,
      };
      if (!editing) {
        payload.name = inputs.name.value;
      }
      save.disabled = true;
      try {
        const saved = editing
          ? await api('PUT', `/api/queues/${encodeURIComponent(existing.name)}`, payload)
          : await api('POST', '/api/queues', payload);
        closeEditor();
        await load();
        status.textContent = `Queue ${saved.name} ${editing ? 'saved' : 'added'}.`;
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

  async function remove(q) {
    try {
      await api('DELETE', `/api/queues/${encodeURIComponent(q.name)}`);
      await load();
      status.textContent = `Queue ${q.name} deleted.`;
    } catch (error) {
      listAlert.textContent = `Could not delete queue ${q.name}: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  load();
  const timer = setInterval(() => refreshBoard().catch(() => {}), REFRESH_MS);
  return () => clearInterval(timer);
}
