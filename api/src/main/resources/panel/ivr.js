// The attendant page: the menus callers walk with their keys (through /api/ivr/menus), with an
// editor for a menu's greeting, timeouts and key options. An option's action is one of the
// attendant's own (another menu, repeat, hang up, dial by extension) or any destination kind the
// dial plan knows (GET /api/dialplan/kinds); the API checks each target and names the option.
import { api } from './api.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/ivr/menus';

export const title = 'Attendant';

const OWN_ACTIONS = [['menu', 'Go to menu'], ['repeat', 'Repeat this menu'], ['hangup', 'Hang up'],
  ['dial_by_extension', 'Dial by extension']];
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'];

export function render(main) {
  let menus = [];
  let prompts = [];
  let actions = OWN_ACTIONS;
  const addButton = h('button', { type: 'button', id: 'add-menu' }, 'Add menu');
  const listAlert = alertBox();
  const status = h('p', { class: 'hint', role: 'status', id: 'menus-status' });
  const body = h('tbody');
  const editor = h('div', { id: 'menu-editor' });
  const confirm = confirmDialog('Delete menu?');
  main.append(
    h('h1', {}, 'Attendant'),
    h('p', { class: 'hint' }, 'Menus that answer calls, play a greeting and act on the key the caller presses. '
      + 'A dial-plan rule with action "ivr" and a menu as target sends callers here.'),
    h('div', { class: 'toolbar' }, addButton),
    listAlert,
    status,
    editor,
    h('div', { class: 'table-wrap' }, h('table', { id: 'menus' },
      h('caption', { class: 'visually-hidden' }, 'Attendant menus'),
      h('thead', {}, h('tr', {}, ['Menu', 'Greeting', 'Keys', 'On timeout', 'Actions'].map((l) => h('th', { scope: 'col' }, l)))),
      body)),
    confirm.dialog);
  addButton.addEventListener('click', () => openEditor(null));

  async function load() {
    try {
      const [loaded, loadedPrompts, kinds] = await Promise.all([
        api('GET', '/api/ivr/menus'), api('GET', '/api/prompts'), api('GET', '/api/dialplan/kinds').catch(() => [])]);
      menus = loaded;
      prompts = loadedPrompts.map((p) => p.name);
      actions = OWN_ACTIONS.concat(kinds.filter((k) => k.name !== 'reject').map((k) => [k.name, k.name]));
      body.replaceChildren(...menus.map(row));
      status.textContent = menus.length === 1 ? '1 menu' : `${menus.length} menus`;
      listAlert.hidden = true;
    } catch (error) {
      listAlert.textContent = `Could not load the menus: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  function describe(a) {
    return a.target ? `${a.action} ${a.target}` : a.action;
  }

  function row(m) {
    return h('tr', { 'data-name': m.name },
      h('td', { 'data-label': 'Menu' }, m.name),
      h('td', { 'data-label': 'Greeting' }, m.greeting),
      h('td', { 'data-label': 'Keys' }, m.options.map((o) => `${o.digit}: ${describe(o)}`).join(', ') || '—'),
      h('td', { 'data-label': 'On timeout' }, describe(m.timeout_action)),
      h('td', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit menu ${m.name}`, onclick: () => openEditor(m) }, 'Edit'),
        h('button', {
          type: 'button', class: 'danger', 'aria-label': `Delete menu ${m.name}`,
          onclick: () => confirm.ask(`Menu ${m.name} will be removed.`, () => remove(m)),
        }, 'Delete')));
  }

  function actionSelect(name, selected) {
    return h('select', { name }, actions.map(([value, label]) => h('option', { value, selected: value === selected }, label)));
  }

  function openEditor(existing) {
    const editing = existing !== null;
    const inputs = {
      name: h('input', { name: 'name', autocomplete: 'off', required: true, readonly: editing, value: existing?.name }),
      greeting: h('select', { name: 'greeting' }, prompts.map((p) => h('option', { value: p, selected: p === (existing?.greeting ?? 'welcome') }, p))),
      timeout: h('input', { name: 'timeout_seconds', type: 'number', min: 1, max: 60, value: String(existing?.timeout_seconds ?? 5) }),
      retries: h('input', { name: 'retries', type: 'number', min: 0, max: 10, value: String(existing?.retries ?? 2) }),
      timeoutAction: actionSelect('timeout_action.action', existing?.timeout_action.action ?? 'hangup'),
      timeoutTarget: h('input', { name: 'timeout_action.target', autocomplete: 'off', value: existing?.timeout_action.target }),
      invalidAction: actionSelect('invalid_action.action', existing?.invalid_action.action ?? 'hangup'),
      invalidTarget: h('input', { name: 'invalid_action.target', autocomplete: 'off', value: existing?.invalid_action.target }),
    };
    const optionRows = h('div', { id: 'menu-options' });
    const addOption = h('button', { type: 'button', class: 'secondary', id: 'add-option' }, 'Add key');
    const save = h('button', { type: 'submit' }, editing ? 'Save menu' : 'Add menu');
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const form = h('form', { class: 'card', novalidate: true, id: 'menu-form', 'aria-labelledby': 'menu-editor-title' },
      h('h2', { id: 'menu-editor-title' }, editing ? `Edit menu ${existing.name}` : 'New menu'),
      alertBox(),
      h('div', { class: 'grid' },
        field('Name', inputs.name, editing ? 'Menus keep their names.' : 'Lower-case letters, digits, - and _.'),
        field('Greeting', inputs.greeting, 'Played when the menu starts; a key interrupts it.'),
        field('Seconds to wait for a key', inputs.timeout),
        field('Retries', inputs.retries, 'How often the menu is offered again before the final action.'),
        field('On timeout', inputs.timeoutAction), field('Timeout target', inputs.timeoutTarget),
        field('On invalid key', inputs.invalidAction), field('Invalid key target', inputs.invalidTarget)),
      h('h3', {}, 'Keys'),
      optionRows,
      h('div', { class: 'buttons' }, addOption),
      h('div', { class: 'buttons' }, save, cancel));

    function renumber() {
      [...optionRows.children].forEach((rowEl, i) => {
        for (const input of rowEl.querySelectorAll('select[data-part], input[data-part]')) {
          input.name = `options[${i}].${input.dataset.part}`;
          input.id = `f-${input.name}`;
        }
        for (const label of rowEl.querySelectorAll('label[data-part]')) {
          label.htmlFor = `f-options[${i}].${label.dataset.part}`;
        }
        for (const error of rowEl.querySelectorAll('p[data-part]')) {
          error.id = `f-options[${i}].${error.dataset.part}-error`;
          part(rowEl, error.dataset.part).setAttribute('aria-describedby', error.id);
        }
      });
    }

    function optionRow(option) {
      const digit = h('select', { 'data-part': 'digit' }, KEYS.map((k) => h('option', { value: k, selected: k === option.digit }, k)));
      const action = h('select', { 'data-part': 'action' },
        actions.map(([value, label]) => h('option', { value, selected: value === option.action }, label)));
      const target = h('input', { 'data-part': 'target', autocomplete: 'off', value: option.target, placeholder: 'target' });
      // Each part has its own error paragraph: the API names options[i].digit, .action or .target.
      const rowEl = h('div', { class: 'toolbar option-row' },
        h('label', { 'data-part': 'digit' }, 'Key'), digit,
        h('label', { 'data-part': 'action' }, 'Action'), action,
        h('label', { 'data-part': 'target' }, 'Target'), target,
        h('button', { type: 'button', class: 'danger', onclick: () => { rowEl.remove(); renumber(); } }, 'Remove'),
        ['digit', 'action', 'target'].map((part) => h('p', { class: 'field-error', 'data-part': part, 'aria-live': 'polite' })));
      optionRows.append(rowEl);
      renumber();
    }

    (existing?.options ?? []).forEach(optionRow);
    addOption.addEventListener('click', () => {
      const used = new Set([...optionRows.children].map((rowEl) => part(rowEl, 'digit').value));
      optionRow({ digit: KEYS.find((k) => !used.has(k)) ?? '1', action: 'extension', target: '' });
    });
    cancel.addEventListener('click', closeEditor);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const payload = {
        greeting: inputs.greeting.value,
        timeout_seconds: Number(inputs.timeout.value),
        retries: Number(inputs.retries.value),
        timeout_action: { action: inputs.timeoutAction.value, target: inputs.timeoutTarget.value },
        invalid_action: { action: inputs.invalidAction.value, target: inputs.invalidTarget.value },
        options: [...optionRows.children].map((rowEl) => ({
          digit: part(rowEl, 'digit').value,
          action: part(rowEl, 'action').value,
          target: part(rowEl, 'target').value,
        })),
      };
      if (!editing) {
        payload.name = inputs.name.value;
      }
      save.disabled = true;
      try {
        const saved = editing
          ? await api('PUT', `/api/ivr/menus/${encodeURIComponent(existing.name)}`, payload)
          : await api('POST', '/api/ivr/menus', payload);
        closeEditor();
        await load();
        status.textContent = `Menu ${saved.name} ${editing ? 'saved' : 'added'}.`;
      } catch (error) {
        showError(form, error);
      } finally {
        save.disabled = false;
      }
    });
    editor.replaceChildren(form);
    addButton.disabled = true;
    (editing ? inputs.greeting : inputs.name).focus();
  }

  function closeEditor() {
    editor.replaceChildren();
    addButton.disabled = false;
    addButton.focus();
  }

  async function remove(m) {
    try {
      await api('DELETE', `/api/ivr/menus/${encodeURIComponent(m.name)}`);
      await load();
      status.textContent = `Menu ${m.name} deleted.`;
    } catch (error) {
      listAlert.textContent = `Could not delete menu ${m.name}: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  load();
}

/** The control of an option row's part (its label and error paragraph carry the same data-part). */
function part(rowEl, name) {
  return rowEl.querySelector(`select[data-part="${name}"], input[data-part="${name}"]`);
}
