// The provisioning page: the URL to give phones (with the installation's token, which can be
// rotated), devices (phones the server writes configuration for) through
// /api/provisioning/devices — list, add or replace, static IP, HTTP password, delete, and bulk CSV
// import with one result per line. The device's SIP secret is sealed on the server and never
// shown; a device's HTTP password is shown once, when generated.
import { api } from './api.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/provisioning/devices';

export const title = 'Devices';

const VENDORS = ['yealink', 'polycom', 'grandstream', 'cisco', 'snom', 'fanvil'];

export function render(main) {
  let all = [];
  const search = h('input', { type: 'search', name: 'search', placeholder: 'MAC, extension, vendor, model or IP' });
  const status = h('p', { class: 'hint', role: 'status', id: 'devices-status' });
  const listAlert = alertBox();
  const body = h('tbody');
  const table = h('table', { id: 'devices' },
    h('caption', { class: 'visually-hidden' }, 'Provisioned devices'),
    h('thead', {}, h('tr', {},
      ['MAC address', 'Extension', 'SIP user', 'Vendor', 'Model', 'Static IP', 'Last provisioned', 'Actions']
        .map((label) => h('th', { scope: 'col' }, label)))),
    body);
  const staticIpEditor = h('div', { id: 'static-ip-editor' });
  const confirm = confirmDialog('Delete device?');
  const editor = deviceForm();

  main.append(
    h('h1', {}, 'Devices'),
    provisioningUrl(),
    editor.form,
    importForm(),
    h('h2', {}, 'Provisioned devices'),
    h('div', { class: 'toolbar' }, field('Search devices', search)),
    listAlert,
    status,
    staticIpEditor,
    h('div', { class: 'table-wrap' }, table),
    confirm.dialog);
  search.addEventListener('input', show);

  async function load() {
    try {
      all = await api('GET', '/api/provisioning/devices');
      listAlert.hidden = true;
    } catch (error) {
      listAlert.textContent = `Could not load devices: ${error.message}`;
      listAlert.hidden = false;
    }
    show();
  }

  function show() {
    const term = search.value.trim().toLowerCase();
    const shown = all.filter((d) => !term
      || [d.mac_address, d.extension_number, d.vendor, d.model, d.static_ip ?? '']
        .some((v) => v.toLowerCase().includes(term)));
    body.replaceChildren(...shown.map(row));
    status.textContent = `${shown.length} of ${all.length} devices shown`;
  }

  function row(d) {
    return h('tr', { 'data-mac': d.mac_address },
      h('td', { 'data-label': 'MAC address' }, d.mac_address),
      h('td', { 'data-label': 'Extension' }, d.extension_number),
      h('td', { 'data-label': 'SIP user', class: 'sip-user' }, d.sip_user ?? '—'),
      h('td', { 'data-label': 'Vendor' }, d.vendor),
      h('td', { 'data-label': 'Model' }, d.model),
      h('td', { 'data-label': 'Static IP', class: 'static-ip' }, d.static_ip ?? '—'),
      h('td', { 'data-label': 'Last provisioned' }, d.last_provisioned ? new Date(d.last_provisioned).toLocaleString() : 'never'),
      h('td', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit device ${d.mac_address}`, onclick: () => editor.edit(d) }, 'Edit'),
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Static IP of device ${d.mac_address}`, onclick: () => editStaticIp(d) }, 'Static IP'),
        h('button', { type: 'button', class: 'secondary', 'aria-label': `New HTTP password for device ${d.mac_address}`, onclick: () => newHttpPassword(d) }, 'HTTP password'),
        h('button', { type: 'button', class: 'danger', 'aria-label': `Delete device ${d.mac_address}`, onclick: () => confirm.ask(`Device ${d.mac_address} (extension ${d.extension_number}) will no longer get its configuration.`, () => remove(d)) }, 'Delete')));
  }

  /** The URL phones are given (DHCP option 66, redirection service); rotating asks once more inline. */
  function provisioningUrl() {
    const urls = h('dl', { id: 'provisioning-urls' });
    const rotate = h('button', { type: 'button', class: 'secondary', id: 'rotate-token' }, 'Rotate token…');
    const really = h('button', { type: 'button', class: 'danger', id: 'rotate-token-confirm', hidden: true },
      'Rotate now: every phone must be given the new URL');
    const card = h('section', { class: 'card', id: 'provisioning-url', 'aria-labelledby': 'provisioning-url-title' },
      h('h2', { id: 'provisioning-url-title' }, 'Provisioning URL'),
      h('p', { class: 'hint' }, 'Give phones this URL (DHCP option 66 or the vendor\'s redirection service). '
        + 'Host and port are the ones this page was opened with; use the address phones reach. '
        + 'Requests without the token get 404.'),
      alertBox(),
      urls,
      h('div', { class: 'buttons' }, rotate, really));
    const alert = card.querySelector('.alert');
    rotate.addEventListener('click', () => { really.hidden = false; really.focus(); });
    really.addEventListener('click', () => show(api('POST', '/api/provisioning/access/rotate')));
    let latest = 0;
    show(api('GET', '/api/provisioning/access'));

    async function show(answer) {
      // The first load and a rotation may answer out of order: only the last request's answer counts.
      const mine = ++latest;
      really.hidden = true;
      try {
        const access = await answer;
        if (mine !== latest) {
          return;
        }
        urls.replaceChildren(
          h('dt', {}, 'HTTP'), h('dd', {}, h('code', { id: 'provisioning-http-url' }, access.http_url)),
          ...(access.https_url ? [h('dt', {}, 'HTTPS'), h('dd', {}, h('code', { id: 'provisioning-https-url' }, access.https_url))] : []));
        alert.hidden = true;
      } catch (error) {
        if (mine !== latest) {
          return;
        }
        alert.textContent = `Could not load the provisioning URL: ${error.message}`;
        alert.hidden = false;
      }
    }
    return card;
  }

  /** Generates the device's HTTP digest credentials; the password is shown here once. */
  async function newHttpPassword(d) {
    try {
      const c = await api('POST', `/api/provisioning/devices/${encodeURIComponent(d.mac_address)}/http-credentials`);
      status.textContent = `Device ${c.mac_address}: HTTP user ${c.username}, password ${c.password} `
        + '(shown once; enter it in the phone or the redirection service).';
    } catch (error) {
      listAlert.textContent = `Could not set an HTTP password for ${d.mac_address}: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  function deviceForm() {
    const inputs = {
      mac: h('input', { name: 'mac_address', autocomplete: 'off', required: true }),
      extension: h('input', { name: 'extension_number', inputmode: 'numeric', autocomplete: 'off', required: true }),
      vendor: h('select', { name: 'vendor', required: true }, VENDORS.map((v) => h('option', { value: v }, v))),
      model: h('input', { name: 'model', autocomplete: 'off', required: true }),
    };
    const save = h('button', { type: 'submit' }, 'Save device');
    const form = h('form', { class: 'card', novalidate: true, id: 'device-form', 'aria-labelledby': 'device-form-title' },
      h('h2', { id: 'device-form-title' }, 'Add or replace a device'),
      alertBox(),
      h('div', { class: 'grid' },
        field('MAC address', inputs.mac, '12 hex digits; separators are fine.'),
        field('Extension', inputs.extension, 'An existing extension.'),
        field('Vendor', inputs.vendor),
        field('Model', inputs.model, 'For example T46U or VVX 450.')),
      h('div', { class: 'buttons' }, save));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      save.disabled = true;
      try {
        const saved = await api('POST', '/api/provisioning/devices', {
          mac_address: inputs.mac.value,
          extension_number: inputs.extension.value,
          vendor: inputs.vendor.value,
          model: inputs.model.value,
        });
        form.reset();
        await load();
        status.textContent = `Device ${saved.mac_address} saved.`;
      } catch (error) {
        showError(form, error);
      } finally {
        save.disabled = false;
      }
    });
    return {
      form,
      /** Loads a listed device into the form; saving the same MAC replaces it. */
      edit(d) {
        clearErrors(form);
        inputs.mac.value = d.mac_address;
        inputs.extension.value = d.extension_number;
        inputs.vendor.value = d.vendor;
        inputs.model.value = d.model;
        form.scrollIntoView();
        inputs.extension.focus();
      },
    };
  }

  function importForm() {
    const csv = h('textarea', { name: 'file', rows: 5, spellcheck: 'false' });
    const mode = h('select', { name: 'mode' },
      h('option', { value: 'per_row' }, 'Store every good line'),
      h('option', { value: 'all_or_nothing' }, 'All lines or none'));
    const results = h('div', { id: 'import-results', 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit' }, 'Import');
    const form = h('form', { class: 'card', novalidate: true, id: 'import-form', 'aria-labelledby': 'import-title' },
      h('h2', { id: 'import-title' }, 'Bulk import (CSV)'),
      alertBox(),
      field('CSV lines', csv, 'mac,extension,vendor,model[,static_ip] — one device per line; a header line and # comments are allowed.'),
      field('Mode', mode),
      h('div', { class: 'buttons' }, submit),
      results);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      results.replaceChildren();
      submit.disabled = true;
      try {
        showReport(await api('POST', `/api/provisioning/devices/import?mode=${encodeURIComponent(mode.value)}`, csv.value));
        await load();
      } catch (error) {
        // 422: the import was understood but not stored; its body still has every line's result.
        if (error.status === 422 && error.body && Array.isArray(error.body.rows)) {
          showReport(error.body);
        } else {
          showError(form, error);
        }
      } finally {
        submit.disabled = false;
      }
    });

    function showReport(report) {
      const summary = report.committed
        ? `${report.imported} imported, ${report.failed} failed.`
        : `Nothing was stored: ${report.failed} line(s) failed and the mode is all or nothing.`;
      results.replaceChildren(
        h('p', { class: report.failed ? 'alert' : 'notice', id: 'import-summary' }, summary),
        h('div', { class: 'table-wrap' }, h('table', { id: 'import-rows' },
          h('caption', { class: 'visually-hidden' }, 'Import result per line'),
          h('thead', {}, h('tr', {}, ['Line', 'Result', 'MAC address', 'Problem'].map((l) => h('th', { scope: 'col' }, l)))),
          h('tbody', {}, report.rows.map((r) => h('tr', { 'data-line': r.line, class: r.status },
            h('td', { 'data-label': 'Line' }, String(r.line)),
            h('td', { 'data-label': 'Result' }, r.status),
            h('td', { 'data-label': 'MAC address' }, r.mac_address ?? '—'),
            h('td', { 'data-label': 'Problem' }, r.message ? (r.field ? `${r.field}: ${r.message}` : r.message) : '')))))));
    }
    return form;
  }

  function editStaticIp(d) {
    const ip = h('input', { name: 'static_ip', inputmode: 'decimal', autocomplete: 'off', value: d.static_ip });
    const save = h('button', { type: 'submit' }, 'Save static IP');
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const form = h('form', { class: 'card', novalidate: true, id: 'static-ip-form', 'aria-labelledby': 'static-ip-title' },
      h('h2', { id: 'static-ip-title' }, `Static IP of ${d.mac_address}`),
      alertBox(),
      field('Static IP address', ip, 'Only this address may fetch the configuration. Leave empty to allow any.'),
      h('div', { class: 'buttons' }, save, cancel));
    cancel.addEventListener('click', () => staticIpEditor.replaceChildren());
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      try {
        const answer = await api('POST', `/api/provisioning/devices/${encodeURIComponent(d.mac_address)}/static-ip`,
          { static_ip: ip.value.trim() === '' ? null : ip.value.trim() });
        staticIpEditor.replaceChildren();
        await load();
        status.textContent = answer.message;
      } catch (error) {
        showError(form, error);
      }
    });
    staticIpEditor.replaceChildren(form);
    ip.focus();
  }

  async function remove(d) {
    try {
      await api('DELETE', `/api/provisioning/devices/${encodeURIComponent(d.mac_address)}`);
      await load();
      status.textContent = `Device ${d.mac_address} deleted.`;
    } catch (error) {
      listAlert.textContent = `Could not delete device ${d.mac_address}: ${error.message}`;
      listAlert.hidden = false;
    }
  }

  load();
}
