// The prompts page: every prompt calls can hear (shipped and uploaded, through /api/prompts), an
// upload form for a WAV file under a name (a shipped prompt's name replaces it), download, and
// deletion of uploads, after which a shipped prompt of that name is heard again.
import { api, download } from './api.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/prompts';

export const title = 'Prompts';

export function render(main) {
  const listAlert = alertBox();
  const status = h('p', { class: 'hint', role: 'status', id: 'prompts-status' });
  const body = h('tbody');
  const confirm = confirmDialog('Delete uploaded prompt?');
  const name = h('input', { name: 'name', autocomplete: 'off', required: true, pattern: '[a-z0-9][a-z0-9_-]{0,63}' });
  const file = h('input', { name: 'body', type: 'file', accept: 'audio/wav,.wav', required: true });
  const upload = h('button', { type: 'submit', id: 'upload-prompt' }, 'Upload');
  const form = h('form', { class: 'card', novalidate: true, id: 'prompt-form', 'aria-labelledby': 'upload-title' },
    h('h2', { id: 'upload-title' }, 'Upload a prompt'),
    alertBox(),
    h('div', { class: 'grid' },
      field('Name', name, 'Lower-case letters, digits, - and _. A shipped prompt\'s name replaces it.'),
      field('WAV file', file, 'Mono, 8000 or 16000 Hz, 16-bit PCM; at most 1 MiB.')),
    h('div', { class: 'buttons' }, upload));
  main.append(
    h('h1', {}, 'Prompts'),
    h('p', { class: 'hint' }, 'What callers hear in the attendant and voicemail. Uploaded recordings replace '
      + 'the shipped prompts of the same name.'),
    form,
    listAlert,
    status,
    h('div', { class: 'table-wrap' }, h('table', { id: 'prompts' },
      h('caption', { class: 'visually-hidden' }, 'Prompts'),
      h('thead', {}, h('tr', {}, ['Name', 'Source', 'Length', 'Actions'].map((l) => h('th', { scope: 'col' }, l)))),
      body)),
    confirm.dialog);

  file.addEventListener('change', () => {
    if (!name.value && file.files.length > 0) {
      name.value = file.files[0].name.replace(/\.wav$/i, '').toLowerCase();
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    if (file.files.length === 0) {
      showError(form, { field: 'body', message: 'Choose a WAV file.' });
      return;
    }
    if (!name.value) {
      showError(form, { field: 'name', message: 'is required' });
      return;
    }
    upload.disabled = true;
    try {
      const saved = await api('PUT', `/api/prompts/${encodeURIComponent(name.value)}`, file.files[0]);
      form.reset();
      await load();
      status.textContent = `Prompt ${saved.name} uploaded (${seconds(saved.duration_ms)}).`;
    } catch (error) {
      showError(form, error);
    } finally {
      upload.disabled = false;
    }
  });

  async function load() {
    try {
      const prompts = await api('GET', '/api/prompts');
      body.replaceChildren(...prompts.map(row));
      const uploaded = prompts.filter((p) => p.source === 'uploaded').length;
      status.textContent = `${prompts.length} prompts, ${uploaded} uploaded`;
      listAlert.hidden = true;
    } catch (error) {
      listAlert.textContent = `Could not load the prompts: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  function row(p) {
    const actions = [h('button', {
      type: 'button', class: 'secondary', 'aria-label': `Download prompt ${p.name}`,
      onclick: () => download(`/api/prompts/${encodeURIComponent(p.name)}`, `${p.name}.wav`).catch(failed),
    }, 'Download')];
    if (p.source === 'uploaded') {
      const after = p.system ? 'The shipped prompt is heard again.' : 'Menus naming it will play silence.';
      actions.push(h('button', {
        type: 'button', class: 'danger', 'aria-label': `Delete uploaded prompt ${p.name}`,
        onclick: () => confirm.ask(`The upload ${p.name} will be removed. ${after}`, () => remove(p)),
      }, 'Delete'));
    }
    return h('tr', { 'data-name': p.name },
      h('td', { 'data-label': 'Name' }, p.name),
      h('td', { 'data-label': 'Source' }, p.source === 'uploaded' && p.system ? 'uploaded (replaces shipped)' : p.source),
      h('td', { 'data-label': 'Length' }, seconds(p.duration_ms)),
      h('td', { class: 'actions' }, actions));
  }

  async function remove(p) {
    try {
      await api('DELETE', `/api/prompts/${encodeURIComponent(p.name)}`);
      await load();
      status.textContent = `Uploaded prompt ${p.name} deleted.`;
    } catch (error) {
      failed(error);
    }
  }

  function failed(error) {
    listAlert.textContent = error.message;
    listAlert.hidden = false;
  }

  load();
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
