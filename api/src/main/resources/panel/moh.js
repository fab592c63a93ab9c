// Music on hold (docs/music-on-hold.md) through /api/moh/classes: the classes with their play order,
// a new class, and the files of the chosen class, where a WAV file is uploaded, listed and removed.
// Which class an extension's held callers hear is a call setting of that extension, set here too.
import { api } from './api.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/moh/classes';

export const title = 'Music on hold';

const ORDERS = [['sequential', 'In upload order'], ['random', 'Shuffled']];

export function render(main) {
  const listAlert = alertBox();
  const status = h('p', { class: 'hint', role: 'status', id: 'moh-status' });
  const body = h('tbody');
  const files = h('div', { id: 'moh-files' });
  const confirm = confirmDialog('Delete?');
  const inputs = {
    name: h('input', { name: 'name', autocomplete: 'off', required: true }),
    description: h('input', { name: 'description', autocomplete: 'off' }),
    order: orderSelect('sequential'),
  };
  const choice = {
    extension: h('input', { name: 'extension', inputmode: 'numeric', autocomplete: 'off', required: true }),
    mohClass: h('select', { name: 'moh_class' }),
  };
  const choose = h('form', { class: 'card', novalidate: true, id: 'moh-choice-form', 'aria-labelledby': 'moh-choice-title' },
    h('h2', { id: 'moh-choice-title' }, 'Class of an extension'),
    alertBox(),
    h('div', { class: 'grid' },
      field('Extension', choice.extension, 'Its held callers hear this class.'),
      field('Class', choice.mohClass)),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Set class')));
  const create = h('form', { class: 'card', novalidate: true, id: 'moh-class-form', 'aria-labelledby': 'moh-new-title' },
    h('h2', { id: 'moh-new-title' }, 'New class'),
    alertBox(),
    h('div', { class: 'grid' },
      field('Name', inputs.name, 'Lower-case letters, digits, - and _; it cannot be changed later.'),
      field('Description', inputs.description, 'Optional.'),
      field('Play order', inputs.order)),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Add class')));
  main.append(
    h('h1', {}, 'Music on hold'),
    h('p', { class: 'hint' }, 'What callers hear while they are held. Each class plays its WAV files one after '
      + 'another in a loop; an extension chooses its class in its call settings, "default" otherwise.'),
    listAlert,
    status,
    h('div', { class: 'table-wrap' }, h('table', { id: 'moh-classes' },
      h('caption', { class: 'visually-hidden' }, 'Music-on-hold classes'),
      h('thead', {}, h('tr', {}, ['Name', 'Description', 'Play order', '']
        .map((l) => h('th', { scope: 'col' }, l)))),
      body)),
    files,
    choose,
    create,
    confirm.dialog);

  // The call settings are replaced as a whole: read them, change the class, send them back.
  choose.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(choose);
    const number = choice.extension.value.trim();
    const path = `/api/extensions/${encodeURIComponent(number)}/call-settings`;
    try {
      const settings = await api('GET', path);
      delete settings.extension;
      delete settings.updated_at;
      settings.moh_class = choice.mohClass.value || undefined;
      await api('PUT', path, settings);
      status.textContent = `Extension ${number} now uses class ${choice.mohClass.value || 'default'}.`;
    } catch (error) {
      showError(choose, error.status === 404 ? { field: 'extension', message: 'No such extension.' } : error);
    }
  });

  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(create);
    try {
      const saved = await api('POST', '/api/moh/classes', {
        name: inputs.name.value, description: inputs.description.value, order: inputs.order.value,
      });
      create.reset();
      await load();
      status.textContent = `Class ${saved.name} added.`;
      await openFiles(saved);
    } catch (error) {
      showError(create, error);
    }
  });

  async function load() {
    try {
      const classes = await api('GET', '/api/moh/classes');
      const kept = choice.mohClass.value;
      choice.mohClass.replaceChildren(...classes.map((c) => h('option',
        { value: c.name === 'default' ? '' : c.name, selected: c.name !== 'default' && c.name === kept }, c.name)));
      body.replaceChildren(...classes.map((c) => h('tr', { 'data-name': c.name },
        h('td', { 'data-label': 'Name' }, c.name),
        h('td', { 'data-label': 'Description' }, c.description ?? '—'),
        h('td', { 'data-label': 'Play order' }, ORDERS.find(([v]) => v === c.order)[1]),
        h('td', { class: 'actions' },
          h('button', { type: 'button', class: 'secondary', 'aria-label': `Files of class ${c.name}`, onclick: () => openFiles(c) }, 'Files'),
          c.name === 'default' ? null : h('button', {
            type: 'button', class: 'danger', 'aria-label': `Delete class ${c.name}`,
            onclick: () => confirm.ask(`Class ${c.name} and its files will be removed.`, () => removeClass(c)),
          }, 'Delete')))));
      listAlert.hidden = true;
    } catch (error) {
      listAlert.textContent = `Could not load the classes: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  async function openFiles(moh) {
    const path = `/api/moh/classes/${encodeURIComponent(moh.name)}`;
    const rows = h('tbody');
    const chooser = h('input', { name: 'body', type: 'file', accept: '.wav,audio/wav', required: true });
    // named apart while field() derives its id, so the page has one f-order; then named as the API's field
    const order = orderSelect(moh.order);
    order.name = 'class-order';
    const orderField = field('Play order', order);
    order.name = 'order';
    const upload = h('form', { novalidate: true, id: 'moh-upload-form', 'aria-label': `Upload to ${moh.name}` },
      alertBox(),
      h('div', { class: 'grid' },
        field('WAV file', chooser, 'Mono, 16-bit PCM or G.711, 8 or 16 kHz, up to 1 MiB; a file of the same name is replaced.'),
        orderField),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Upload')));
    files.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'moh-files-title' },
      h('h2', { id: 'moh-files-title' }, `Files of ${moh.name}`),
      h('div', { class: 'table-wrap' }, h('table', { id: 'moh-file-list' },
        h('caption', { class: 'visually-hidden' }, `Files of ${moh.name}`),
        h('thead', {}, h('tr', {}, ['#', 'File', 'Length', ''].map((l) => h('th', { scope: 'col' }, l)))),
        rows)),
      upload));

    async function list() {
      const stored = await api('GET', `${path}/files`);
      rows.replaceChildren(...stored.map((f) => h('tr', { 'data-file': f.file },
        h('td', { 'data-label': '#' }, String(f.position)),
        h('td', { 'data-label': 'File' }, f.file),
        h('td', { 'data-label': 'Length' }, `${(f.duration_ms / 1000).toFixed(1)} s`),
        h('td', { class: 'actions' }, h('button', {
          type: 'button', class: 'danger', 'aria-label': `Delete file ${f.file}`,
          onclick: () => confirm.ask(`${f.file} will be removed from ${moh.name}.`, () => removeFile(f)),
        }, 'Delete')))));
      status.textContent = `${moh.name}: ${stored.length} file${stored.length === 1 ? '' : 's'}`;
    }

    async function removeFile(f) {
      try {
        await api('DELETE', `${path}/files/${encodeURIComponent(f.file)}`);
        await list();
      } catch (error) {
        showError(upload, error);
      }
    }

    order.addEventListener('change', async () => {
      clearErrors(upload);
      try {
        await api('PUT', path, { description: moh.description, order: order.value });
        await load();
      } catch (error) {
        showError(upload, error);
      }
    });
    upload.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(upload);
      const file = chooser.files[0];
      if (!file) {
        showError(upload, { field: 'body', message: 'Choose a WAV file first.' });
        return;
      }
      try {
        await api('PUT', `${path}/files/${encodeURIComponent(file.name)}`, file);
        upload.reset();
        order.value = moh.order;
        await list();
      } catch (error) {
        showError(upload, error);
      }
    });
    try {
      await list();
    } catch (error) {
      showError(upload, error);
    }
  }

  async function removeClass(c) {
    try {
      await api('DELETE', `/api/moh/classes/${encodeURIComponent(c.name)}`);
      files.replaceChildren();
      await load();
      status.textContent = `Class ${c.name} deleted.`;
    } catch (error) {
      listAlert.textContent = `Could not delete class ${c.name}: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  load();
}

function orderSelect(chosen) {
  return h('select', { name: 'order' }, ORDERS.map(([value, label]) => h('option', { value, selected: chosen === value }, label)));
}
