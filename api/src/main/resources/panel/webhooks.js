// Webhooks through /api/webhooks: each subscription (URL, events, enabled) with add, edit (the
// secret is write-only: left empty it stays; left empty on a new one the server generates it and
// it is shown here once) and delete; and one subscription's delivery log, one row per attempt with
// the receiver's status and error, refreshed every few seconds, with a re-send for delivered and
// dead ones.
import { api } from './api.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/webhooks';

export const title = 'Webhooks';

/** The events a subscription may name (the API refuses others). */
const EVENTS = ['call.started', 'call.answered', 'call.ended', 'voicemail.left', 'registration.changed', 'emergency.call', 'queue.*', 'fraud.*'];

/** How often the open delivery log is read again. */
const REFRESH_MS = 5000;

export function render(main) {
  const listAlert = alertBox();
  const status = h('p', { class: 'hint', role: 'status', id: 'webhooks-status' });
  const body = h('tbody');
  const confirm = confirmDialog('Delete webhook?');
  const editor = webhookForm();
  const log = deliveryLog();
  main.append(
    h('h1', {}, 'Webhooks'),
    h('p', { class: 'hint' }, 'PBX events POSTed as JSON to your URLs, signed with X-Switchboard-Signature '
      + '(t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>). A failed delivery is retried after 10 s, '
      + 'then after twice as long each time, until the last attempt.'),
    editor.form,
    h('h2', {}, 'Subscriptions'),
    listAlert,
    status,
    h('div', { class: 'table-wrap' }, h('table', { id: 'webhooks' },
      h('caption', { class: 'visually-hidden' }, 'Webhook subscriptions'),
      h('thead', {}, h('tr', {}, ['URL', 'Events', 'Enabled', 'Actions'].map((l) => h('th', { scope: 'col' }, l)))),
      body)),
    log.section,
    confirm.dialog);

  async function load() {
    try {
      const hooks = await api('GET', '/api/webhooks');
      body.replaceChildren(...hooks.map(row));
      listAlert.hidden = true;
      return hooks;
    } catch (error) {
      listAlert.textContent = `Could not load the webhooks: ${error.message}`;
      listAlert.hidden = false;
      return null;
    }
  }

  function row(w) {
    return h('tr', { 'data-webhook': w.id },
      h('td', { 'data-label': 'URL' }, w.url),
      h('td', { 'data-label': 'Events' }, w.events.join(', ')),
      h('td', { 'data-label': 'Enabled' }, w.enabled ? 'yes' : 'no'),
      h('td', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Deliveries of webhook ${w.id}`, onclick: () => log.show(w) }, 'Deliveries'),
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit webhook ${w.id}`, onclick: () => editor.edit(w) }, 'Edit'),
        h('button', {
          type: 'button', class: 'danger', 'aria-label': `Delete webhook ${w.id}`,
          onclick: () => confirm.ask(`The webhook to ${w.url} and its delivery log will be removed.`, () => remove(w)),
        }, 'Delete')));
  }

  async function remove(w) {
    try {
      await api('DELETE', `/api/webhooks/${w.id}`);
    } catch (error) {
      listAlert.textContent = `Could not delete webhook ${w.id}: ${error.message}`;
      listAlert.hidden = false;
      return;
    }
    log.forget(w.id);
    await load();
    status.textContent = `Webhook ${w.id} deleted.`;
  }

  function webhookForm() {
    const inputs = {
      url: h('input', { name: 'url', type: 'url', autocomplete: 'off', required: true }),
      secret: h('input', { name: 'secret', type: 'password', autocomplete: 'new-password' }),
      enabled: h('input', { name: 'enabled', type: 'checkbox', checked: true }),
    };
    const boxes = EVENTS.map((e) => h('input', { type: 'checkbox', value: e, 'data-event': e, id: `event-${e}` }));
    const events = h('fieldset', { name: 'events', id: 'f-events', class: 'field', 'aria-describedby': 'f-events-error' },
      h('legend', {}, 'Events'),
      h('div', { class: 'grid' }, boxes.map((box) => h('span', { class: 'field check' }, box, h('label', { for: box.id }, box.value)))),
      h('p', { class: 'field-error', id: 'f-events-error', 'aria-live': 'polite' }));
    const shownSecret = h('p', { class: 'hint', id: 'webhook-secret', hidden: true });
    let editing = null; // the id of the webhook being edited, or null for a new one
    const heading = h('h2', { id: 'webhook-form-title' }, 'Add a webhook');
    const save = h('button', { type: 'submit' }, 'Save webhook');
    const cancel = h('button', { type: 'button', class: 'secondary', hidden: true }, 'New webhook instead');
    const form = h('form', { class: 'card', novalidate: true, id: 'webhook-form', 'aria-labelledby': 'webhook-form-title' },
      heading,
      alertBox(),
      h('div', { class: 'grid' },
        field('URL', inputs.url, 'Absolute http:// or https:// URL the events are POSTed to.'),
        field('Secret', inputs.secret, 'Signs each delivery; never shown again. Empty on a new webhook: one is generated. '
          + 'Empty when editing: it stays.'),
        field('Enabled', inputs.enabled)),
      events,
      shownSecret,
      h('div', { class: 'buttons' }, save, cancel));
    cancel.addEventListener('click', reset);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      shownSecret.hidden = true;
      save.disabled = true;
      const hook = {
        url: inputs.url.value,
        events: boxes.filter((b) => b.checked).map((b) => b.value),
        enabled: inputs.enabled.checked,
      };
      if (inputs.secret.value !== '') {
        hook.secret = inputs.secret.value;
      }
      try {
        const saved = editing === null
          ? await api('POST', '/api/webhooks', hook)
          : await api('PUT', `/api/webhooks/${editing}`, hook);
        reset();
        await load();
        status.textContent = `Webhook ${saved.id} saved.`;
        if (saved.secret) {
          shownSecret.textContent = `Generated secret (shown this once, keep it for the receiver): ${saved.secret}`;
          shownSecret.hidden = false;
        }
      } catch (error) {
        showError(form, error);
      } finally {
        save.disabled = false;
      }
    });

    function reset() {
      form.reset();
      editing = null;
      heading.textContent = 'Add a webhook';
      cancel.hidden = true;
    }

    return {
      form,
      /** Loads a listed webhook into the form; saving replaces it (an empty secret keeps the stored one). */
      edit(w) {
        clearErrors(form);
        shownSecret.hidden = true;
        editing = w.id;
        inputs.url.value = w.url;
        inputs.secret.value = '';
        inputs.enabled.checked = w.enabled;
        for (const box of boxes) {
          box.checked = w.events.includes(box.value);
        }
        heading.textContent = `Edit webhook ${w.id}`;
        cancel.hidden = false;
        inputs.url.focus();
      },
    };
  }

  function deliveryLog() {
    const heading = h('h2', { id: 'deliveries-title' }, 'Deliveries');
    const logAlert = alertBox();
    const logStatus = h('p', { class: 'hint', role: 'status', id: 'deliveries-status' }, 'Choose Deliveries on a webhook to see its log.');
    const rows = h('tbody');
    const section = h('section', { 'aria-labelledby': 'deliveries-title' },
      heading, logAlert, logStatus,
      h('div', { class: 'table-wrap' }, h('table', { id: 'deliveries' },
        h('caption', { class: 'visually-hidden' }, 'Delivery attempts, newest first'),
        h('thead', {}, h('tr', {}, ['Sent', 'Event', 'Attempt', 'State', 'Status', 'Error', 'Actions']
          .map((l) => h('th', { scope: 'col' }, l)))),
        rows)));
    let current = null; // the webhook whose log is shown

    async function refresh(live = false) {
      if (current === null) {
        return;
      }
      try {
        const attempts = await api('GET', `/api/webhooks/${current.id}/deliveries`);
        rows.replaceChildren(...attempts.map(attemptRow));
        logAlert.hidden = true;
        if (!live) {
          logStatus.textContent = attempts.length === 0 ? 'Nothing sent yet.'
            : `${attempts.length} attempt${attempts.length === 1 ? '' : 's'}`;
        }
      } catch (error) {
        logAlert.textContent = `Could not load the deliveries: ${error.message}`;
        logAlert.hidden = false;
      }
    }

    function attemptRow(d) {
      const canResend = d.state === 'delivered' || d.state === 'dead';
      return h('tr', { 'data-delivery': d.id },
        h('td', { 'data-label': 'Sent' }, new Date(d.at).toLocaleString()),
        h('td', { 'data-label': 'Event' }, d.event),
        h('td', { 'data-label': 'Attempt' }, String(d.attempt)),
        h('td', { 'data-label': 'State', class: `state-${d.state}` }, d.state),
        h('td', { 'data-label': 'Status' }, d.status_code ?? ''),
        h('td', { 'data-label': 'Error' }, d.error ?? ''),
        h('td', { class: 'actions' }, canResend
          ? h('button', { type: 'button', class: 'secondary', 'aria-label': `Re-send delivery ${d.id}`, onclick: () => resend(d) }, 'Re-send')
          : ''));
    }

    async function resend(d) {
      try {
        const queued = await api('POST', `/api/webhooks/${current.id}/deliveries/${d.id}/resend`);
        await refresh(true);
        logStatus.textContent = `Re-send of ${d.event} queued as attempt ${queued.attempt}.`;
      } catch (error) {
        logAlert.textContent = `Could not re-send: ${error.message}`;
        logAlert.hidden = false;
      }
    }

    return {
      section,
      show(w) {
        current = w;
        heading.textContent = `Deliveries to ${w.url}`;
        refresh();
      },
      forget(id) {
        if (current !== null && current.id === id) {
          current = null;
          rows.replaceChildren();
          heading.textContent = 'Deliveries';
          logStatus.textContent = 'Choose Deliveries on a webhook to see its log.';
        }
      },
      refresh,
    };
  }

  load().then((hooks) => {
    if (hooks !== null) {
      status.textContent = hooks.length === 0 ? 'No webhook yet.' : `${hooks.length} webhook${hooks.length === 1 ? '' : 's'}`;
    }
  });
  const timer = setInterval(() => log.refresh(true), REFRESH_MS);
  return () => clearInterval(timer);
}
