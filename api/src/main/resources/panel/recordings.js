// Call recording through /api/recordings: the recordings (filtered by extension and day) with playback,
// the legal hold switch and delete; how long recordings are kept; and an extension's recording policy.
// Audio is fetched as a blob and played from a blob: URL (the CSP's media-src), as voicemail does.
import { api, fetchBlob } from './api.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/recordings';

export const title = 'Recordings';

export function render(main) {
  const listAlert = alertBox();
  const status = h('p', { class: 'hint', role: 'status', id: 'recordings-status' });
  const body = h('tbody');
  const confirm = confirmDialog('Delete recording?');
  const extensionFilter = h('input', { name: 'extension', autocomplete: 'off', inputmode: 'tel' });
  const dateFilter = h('input', { name: 'date', type: 'date' });
  const filters = h('form', { class: 'card', id: 'recording-filters', 'aria-label': 'Filter recordings' },
    h('div', { class: 'grid' }, field('Extension', extensionFilter), field('Day', dateFilter)),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Show')));
  let audioUrls = [];
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  main.append(
    h('h1', {}, 'Recordings'),
    h('p', { class: 'hint' }, 'Calls of extensions recorded always, or on demand through the API, as stereo WAV: '
      + 'the caller on the left channel, the callee on the right. A recording under legal hold is neither deleted '
      + 'nor removed by retention.'),
    filters,
    listAlert,
    status,
    h('div', { class: 'table-wrap' }, h('table', { id: 'recordings' },
      h('caption', { class: 'visually-hidden' }, 'Recordings'),
      h('thead', {}, h('tr', {}, ['Call', 'Extension', 'Started', 'Length', 'Listen', 'Legal hold', '']
        .map((l) => h('th', { scope: 'col' }, l)))),
      body)),
    retentionForm(),
    policyForm(),
    confirm.dialog);

  function problem(text, error) {
    listAlert.textContent = `${text}: ${error.message}`;
    listAlert.hidden = false;
  }

  async function load() {
    const query = new URLSearchParams();
    if (extensionFilter.value.trim() !== '') query.set('extension', extensionFilter.value.trim());
    if (dateFilter.value !== '') query.set('date', dateFilter.value);
    try {
      const recordings = await api('GET', `/api/recordings${query.size ? `?${query}` : ''}`);
      audioUrls.forEach((url) => URL.revokeObjectURL(url));
      audioUrls = [];
      body.replaceChildren(...recordings.map(row));
      status.textContent = recordings.length === 0 ? 'No recording.' : `${recordings.length} recordings`;
      listAlert.hidden = true;
    } catch (error) {
      problem('Could not load the recordings', error);
    }
  }

  function row(r) {
    const name = `the recording of call ${r.call_id}`;
    const player = h('audio', { controls: true, preload: 'none', hidden: true, 'aria-label': `Recording ${r.id}` });
    const play = h('button', { type: 'button', class: 'secondary', 'aria-label': `Play ${name}` }, 'Play');
    play.addEventListener('click', async () => {
      play.disabled = true;
      try {
        const url = URL.createObjectURL(await fetchBlob(`/api/recordings/${r.id}/audio`));
        audioUrls.push(url);
        player.src = url;
        player.hidden = false;
        play.hidden = true;
        await player.play().catch(() => {}); // a browser may refuse autoplay; the controls remain
      } catch (error) {
        play.disabled = false;
        problem('Could not load the recording', error);
      }
    });
    const hold = h('input', { type: 'checkbox', 'aria-label': `Legal hold on ${name}` });
    hold.checked = r.legal_hold;
    hold.addEventListener('change', async () => {
      try {
        await api('PATCH', `/api/recordings/${r.id}`, { legal_hold: hold.checked });
        status.textContent = hold.checked ? `Recording ${r.id} is on legal hold.` : `Recording ${r.id} is off legal hold.`;
      } catch (error) {
        hold.checked = !hold.checked;
        problem('Could not change the legal hold', error);
      }
    });
    const remove = h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${name}`,
      onclick: () => confirm.ask(`The recording of call ${r.call_id} will be deleted.`, async () => {
        try {
          await api('DELETE', `/api/recordings/${r.id}`);
          status.textContent = `Recording ${r.id} deleted.`;
          load();
        } catch (error) {
          problem('Could not delete the recording', error);
        }
      }) }, 'Delete');
    return h('tr', { 'data-id': String(r.id) },
      h('td', { 'data-label': 'Call' }, r.call_id),
      h('td', { 'data-label': 'Extension' }, r.extension),
      h('td', { 'data-label': 'Started' }, new Date(r.started_at).toLocaleString()),
      h('td', { 'data-label': 'Length' }, `${r.duration_seconds} s`),
      h('td', { 'data-label': 'Listen' }, play, player),
      h('td', { 'data-label': 'Legal hold' }, hold),
      h('td', { class: 'actions' }, remove));
  }

  function retentionForm() {
    const days = h('input', { name: 'max_age_days', inputmode: 'numeric' });
    const form = h('form', { class: 'card', novalidate: true, id: 'retention-form', 'aria-labelledby': 'retention-title' },
      h('h2', { id: 'retention-title' }, 'Retention'),
      alertBox(),
      h('div', { class: 'grid' }, field('Keep for (days)', days, 'Older recordings not on legal hold are removed '
        + 'hourly. Empty: kept forever.')),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Save retention')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      try {
        const saved = await api('PUT', '/api/recordings/retention',
          { max_age_days: days.value.trim() === '' ? null : Number(days.value) });
        days.value = saved.max_age_days == null ? '' : String(saved.max_age_days);
        status.textContent = 'Retention saved.';
      } catch (error) {
        showError(form, error);
      }
    });
    api('GET', '/api/recordings/retention')
      .then((r) => { days.value = r.max_age_days == null ? '' : String(r.max_age_days); })
      .catch((error) => showError(form, error));
    return form;
  }

  function policyForm() {
    const extension = h('input', { name: 'extension', autocomplete: 'off', inputmode: 'tel', required: true });
    const policy = h('select', { name: 'policy' },
      ['never', 'always', 'on_demand'].map((p) => h('option', { value: p }, p)));
    const announcement = h('input', { type: 'checkbox', name: 'announcement' });
    const form = h('form', { class: 'card', novalidate: true, id: 'recording-policy-form', 'aria-labelledby': 'policy-title' },
      h('h2', { id: 'policy-title' }, 'Extension policy'),
      alertBox(),
      h('div', { class: 'grid' },
        field('Extension', extension, 'Its policy is shown when you leave the field.'),
        field('Policy', policy, 'always: every answered call; on_demand: when started through the API.'),
        field('Announcement', announcement, 'Both parties hear "this call may be recorded" first.')),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Save policy')));
    extension.addEventListener('change', async () => {
      clearErrors(form);
      try {
        const p = await api('GET', `/api/extensions/${encodeURIComponent(extension.value.trim())}/recording`);
        policy.value = p.policy;
        announcement.checked = p.announcement;
      } catch (error) {
        showError(form, error);
      }
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      try {
        await api('PUT', `/api/extensions/${encodeURIComponent(extension.value.trim())}/recording`,
          { policy: policy.value, announcement: announcement.checked });
        status.textContent = `Recording policy of ${extension.value.trim()} saved.`;
      } catch (error) {
        showError(form, error);
      }
    });
    return form;
  }

  load();
  return () => audioUrls.forEach((url) => URL.revokeObjectURL(url));
}
