// The voicemail page (docs/voicemail.md): pick an extension, listen to its box's messages, mark
// them heard or delete them, and change the box's settings and PIN. Audio needs the bearer token,
// so it is fetched as a blob and played from a blob: URL (the CSP's media-src); the URLs are
// revoked when the list is redrawn or the page is left.
import { api, fetchBlob } from './api.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/voicemail/boxes/{number}';

export const title = 'Voicemail';

export function render(main) {
  const picker = h('select', { name: 'box', id: 'voicemail-box' });
  const listAlert = alertBox();
  const status = h('p', { class: 'hint', role: 'status', id: 'voicemail-status' });
  const settings = h('div', { id: 'voicemail-settings' });
  const body = h('tbody');
  const confirm = confirmDialog('Delete message?');
  let audioUrls = [];

  main.append(
    h('h1', {}, 'Voicemail'),
    h('p', { class: 'hint' }, 'Every extension has a box. Calls it misses go there when the box is enabled.'),
    h('div', { class: 'toolbar' }, field('Extension', picker)),
    listAlert,
    status,
    h('div', { class: 'table-wrap' }, h('table', { id: 'voicemail-messages' },
      h('caption', { class: 'visually-hidden' }, 'Messages'),
      h('thead', {}, h('tr', {}, ['From', 'Received', 'Length', 'Folder', 'Listen', '']
        .map((l) => h('th', { scope: 'col' }, l)))),
      body)),
    settings,
    confirm.dialog);

  picker.addEventListener('change', showBox);

  function box() {
    return `/api/voicemail/boxes/${encodeURIComponent(picker.value)}`;
  }

  function problem(text, error) {
    listAlert.textContent = `${text}: ${error.message}`;
    listAlert.hidden = false;
  }

  async function loadExtensions() {
    try {
      const extensions = await api('GET', '/api/extensions');
      picker.replaceChildren(...extensions.map((e) => h('option', { value: e.number }, `${e.number} ${e.name}`)));
      if (extensions.length === 0) {
        status.textContent = 'There are no extensions yet.';
        return;
      }
      await showBox();
    } catch (error) {
      problem('Could not load the extensions', error);
    }
  }

  async function showBox() {
    listAlert.hidden = true;
    await Promise.all([loadMessages(), loadSettings()]);
  }

  function forgetAudio() {
    audioUrls.forEach((url) => URL.revokeObjectURL(url));
    audioUrls = [];
  }

  async function loadMessages() {
    try {
      const messages = await api('GET', `${box()}/messages`);
      forgetAudio();
      body.replaceChildren(...messages.map(row));
      const fresh = messages.filter((m) => m.folder === 'new').length;
      status.textContent = messages.length === 0
        ? `No messages for ${picker.value}.`
        : `${messages.length} message${messages.length === 1 ? '' : 's'} for ${picker.value}, ${fresh} new`;
    } catch (error) {
      problem(`Could not load the messages of ${picker.value}`, error);
    }
  }

  function row(m) {
    const from = m.caller_name ? `${m.caller_name} (${m.caller || 'unknown'})` : (m.caller || 'unknown');
    const player = h('audio', { controls: true, preload: 'none', hidden: true, 'aria-label': `Message from ${from}` });
    const play = h('button', { type: 'button', class: 'secondary', 'aria-label': `Play the message from ${from}` }, 'Play');
    play.addEventListener('click', async () => {
      play.disabled = true;
      try {
        const url = URL.createObjectURL(await fetchBlob(`${box()}/messages/${m.id}/audio`));
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
    const actions = [];
    if (m.folder === 'new') {
      actions.push(h('button', { type: 'button', class: 'secondary', 'aria-label': `Mark the message from ${from} as heard`,
        onclick: () => move(m, 'old') }, 'Mark heard'));
    }
    actions.push(h('button', { type: 'button', class: 'danger', 'aria-label': `Delete the message from ${from}`,
      onclick: () => confirm.ask(`The message from ${from} and its recording will be deleted.`, () => remove(m)) }, 'Delete'));
    return h('tr', { 'data-id': String(m.id) },
      h('td', { 'data-label': 'From' }, from),
      h('td', { 'data-label': 'Received' }, new Date(m.received_at).toLocaleString()),
      h('td', { 'data-label': 'Length' }, `${m.duration_seconds} s`),
      h('td', { 'data-label': 'Folder' }, m.folder === 'new' ? 'new' : 'heard'),
      h('td', { 'data-label': 'Listen' }, play, player),
      h('td', { class: 'actions' }, actions));
  }

  async function move(m, folder) {
    try {
      await api('PATCH', `${box()}/messages/${m.id}`, { folder });
      await loadMessages();
    } catch (error) {
      problem('Could not move the message', error);
    }
  }

  async function remove(m) {
    try {
      await api('DELETE', `${box()}/messages/${m.id}`);
      await loadMessages();
    } catch (error) {
      problem('Could not delete the message', error);
    }
  }

  async function loadSettings() {
    let b;
    try {
      b = await api('GET', box());
    } catch (error) {
      settings.replaceChildren();
      problem(`Could not load the box of ${picker.value}`, error);
      return;
    }
    const inputs = {
      enabled: h('input', { name: 'enabled', type: 'checkbox', checked: b.enabled }),
      emailMessages: h('input', { name: 'email_messages', type: 'checkbox', checked: b.email_messages }),
      maxSeconds: h('input', { name: 'max_message_seconds', type: 'number', min: 10, max: 3600, value: String(b.max_message_seconds) }),
      ownPhone: h('input', { name: 'own_phone_skips_pin', type: 'checkbox', checked: b.own_phone_skips_pin }),
      pin: h('input', { name: 'pin', type: 'password', inputmode: 'numeric', autocomplete: 'off' }),
    };
    const pinState = b.pin_set ? 'A PIN is set; leave empty to keep it.'
      : 'No PIN yet: the box opens only from its own phone. 4 to 10 digits.';
    const lock = b.locked_until ? `Locked after wrong PINs until ${new Date(b.locked_until).toLocaleString()}; a new PIN unlocks it.` : null;
    const save = h('button', { type: 'submit' }, 'Save box settings');
    const form = h('form', { class: 'card', novalidate: true, id: 'voicemail-form', 'aria-labelledby': 'voicemail-form-title' },
      h('h2', { id: 'voicemail-form-title' }, `Box of ${b.number}`),
      alertBox(),
      lock ? h('p', { class: 'hint', id: 'voicemail-locked' }, lock) : null,
      h('div', { class: 'grid' },
        field('Take missed calls', inputs.enabled),
        field('Mail new messages', inputs.emailMessages, b.email ? `To ${b.email} (set on the extension).` : 'The extension has no email address.'),
        field('Longest message (seconds)', inputs.maxSeconds, '10 to 3600.'),
        field('Own phone needs no PIN', inputs.ownPhone),
        field('New PIN', inputs.pin, pinState)),
      h('div', { class: 'buttons' }, save));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const payload = {
        enabled: inputs.enabled.checked,
        email_messages: inputs.emailMessages.checked,
        max_message_seconds: Number(inputs.maxSeconds.value),
        own_phone_skips_pin: inputs.ownPhone.checked,
      };
      if (inputs.pin.value) {
        payload.pin = inputs.pin.value;
      }
      save.disabled = true;
      try {
        await api('PUT', box(), payload);
        await loadSettings();
        status.textContent = `Box of ${b.number} saved.`;
      } catch (error) {
        showError(form, error);
        save.disabled = false;
      }
    });
    settings.replaceChildren(form);
  }

  loadExtensions();
  return forgetAudio;
}
