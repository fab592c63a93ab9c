// Sign-in security: the logged-in admin's own second factor (an authenticator app, TOTP) for
// every role, and for administrators the admin accounts with their roles and the audit of logins
// (docs/admin-panel.md, "Admins"). The server enforces the roles; this page only leaves out what
// the account cannot use.
import { api } from './api.js';
import { alertBox, clearErrors, confirmDialog, field, h, showError } from './dom.js';
import { session } from './session.js';

/** The API path this page needs; without it the page is not offered. */
export const requires = '/api/auth/mfa';

export const title = 'Admins';

const ROLES = [['administrator', 'Administrator'], ['operator', 'Operator'], ['read_only', 'Read-only']];

export function render(main) {
  main.append(
    h('h1', {}, 'Admins and sign-in'),
    h('p', { class: 'hint' }, 'Protect your own login with an authenticator app. Administrators also manage the '
      + 'admin accounts here: operators change everything but accounts and security settings, read-only accounts only look.'),
    mfaSection());
  if (session.role() === 'administrator') {
    main.append(accountsSection(), auditSection());
  }
}

function mfaSection() {
  const status = h('p', { id: 'mfa-status', role: 'status' });
  const alert = alertBox();
  const enrol = h('button', { type: 'button', id: 'mfa-enrol', hidden: true }, 'Set up an authenticator app');
  const steps = h('div', { id: 'mfa-steps' });
  const section = h('section', { class: 'card', 'aria-labelledby': 'mfa-title' },
    h('h2', { id: 'mfa-title' }, 'Your second factor'), alert, status, enrol, steps);
  enrol.addEventListener('click', start);

  async function load() {
    try {
      const s = await api('GET', '/api/auth/mfa');
      status.textContent = s.totp_enabled
        ? `An authenticator app is required at login. ${s.recovery_codes_left} recovery codes left.`
        : 'Only your password protects this account.';
      enrol.hidden = s.totp_enabled;
    } catch (error) {
      alert.textContent = `Could not load your second factor: ${error.message}`;
      alert.hidden = false;
    }
  }

  async function start() {
    alert.hidden = true;
    let enrolment;
    try {
      enrolment = await api('POST', '/api/auth/mfa/totp');
    } catch (error) {
      alert.textContent = error.message;
      alert.hidden = false;
      return;
    }
    const code = h('input', { name: 'code', autocomplete: 'one-time-code', inputmode: 'numeric', required: true });
    const form = h('form', { id: 'mfa-confirm', novalidate: true },
      h('p', {}, 'Add this key to your authenticator app (type it in, or open the link on the phone), '
        + 'then enter the code it shows.'),
      h('dl', {}, h('dt', {}, 'Key'), h('dd', { id: 'mfa-secret' }, enrolment.secret),
        h('dt', {}, 'Link'), h('dd', {}, h('code', { id: 'mfa-uri' }, enrolment.otpauth_uri))),
      alertBox(),
      field('Code from the app', code),
      h('button', { type: 'submit' }, 'Turn on'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      try {
        const answer = await api('POST', '/api/auth/mfa/totp/confirm', { code: code.value.trim() });
        steps.replaceChildren(
          h('p', { class: 'notice' }, 'Done. Keep these recovery codes somewhere safe: each logs you in once without '
            + 'the app, and they are shown only now.'),
          h('ul', { id: 'recovery-codes' }, answer.recovery_codes.map((c) => h('li', {}, h('code', {}, c)))));
        await load();
      } catch (error) {
        showError(form, error);
      }
    });
    steps.replaceChildren(form);
    code.focus();
  }

  load();
  return section;
}

function accountsSection() {
  const alert = alertBox();
  const body = h('tbody');
  const confirm = confirmDialog('Delete admin?');
  const username = h('input', { name: 'username', autocomplete: 'off', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true });
  const role = h('select', { name: 'role' }, ROLES.map(([value, label]) => h('option', { value }, label)));
  const form = h('form', { id: 'new-admin', novalidate: true, 'aria-labelledby': 'new-admin-title' },
    h('h3', { id: 'new-admin-title' }, 'Add an admin'),
    alertBox(),
    h('div', { class: 'grid' }, field('Username', username), field('Password', password, 'At least 8 characters.'),
      field('Role', role)),
    h('button', { type: 'submit' }, 'Add admin'));
  const section = h('section', { class: 'card', 'aria-labelledby': 'admins-title' },
    h('h2', { id: 'admins-title' }, 'Admin accounts'),
    alert,
    h('div', { class: 'table-wrap' }, h('table', { id: 'admin-users' },
      h('caption', { class: 'visually-hidden' }, 'Admin accounts'),
      h('thead', {}, h('tr', {}, ['Username', 'Role', 'Authenticator', ''].map((l) => h('th', { scope: 'col' }, l)))),
      body)),
    form,
    confirm.dialog);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      await api('POST', '/api/admin/users', { username: username.value.trim(), password: password.value, role: role.value });
      form.reset();
      await load();
    } catch (error) {
      showError(form, error);
    }
  });

  async function load() {
    try {
      const users = await api('GET', '/api/admin/users');
      body.replaceChildren(...users.map(row));
      alert.hidden = true;
    } catch (error) {
      fail('Could not load the admins', error);
    }
  }

  function row(u) {
    const select = h('select', { 'aria-label': `Role of ${u.username}` },
      ROLES.map(([value, label]) => h('option', { value, selected: u.role === value }, label)));
    select.addEventListener('change', () => change(u, { role: select.value }));
    return h('tr', { 'data-username': u.username },
      h('td', { 'data-label': 'Username' }, u.username),
      h('td', { 'data-label': 'Role' }, select),
      h('td', { 'data-label': 'Authenticator' }, u.totp_enabled ? 'on' : 'off'),
      h('td', { class: 'actions' },
        u.totp_enabled ? h('button', {
          type: 'button', class: 'secondary', 'aria-label': `Reset the authenticator of ${u.username}`,
          onclick: () => reset(u),
        }, 'Reset authenticator') : null,
        h('button', {
          type: 'button', class: 'danger', 'aria-label': `Delete admin ${u.username}`,
          onclick: () => confirm.ask(`${u.username} will no longer be able to log in.`, () => remove(u)),
        }, 'Delete')));
  }

  async function change(u, body) {
    try {
      await api('PUT', `/api/admin/users/${encodeURIComponent(u.username)}`, body);
    } catch (error) {
      fail(`Could not change ${u.username}`, error);
    }
    await load();
  }

  async function reset(u) {
    try {
      await api('DELETE', `/api/admin/users/${encodeURIComponent(u.username)}/mfa`);
    } catch (error) {
      fail(`Could not reset the authenticator of ${u.username}`, error);
    }
    await load();
  }

  async function remove(u) {
    try {
      await api('DELETE', `/api/admin/users/${encodeURIComponent(u.username)}`);
    } catch (error) {
      fail(`Could not delete ${u.username}`, error);
    }
    await load();
  }

  function fail(what, error) {
    alert.textContent = `${what}: ${error.message}`;
    alert.hidden = false;
  }

  load();
  return section;
}

function auditSection() {
  const alert = alertBox();
  const body = h('tbody');
  const section = h('section', { class: 'card', 'aria-labelledby': 'logins-title' },
    h('h2', { id: 'logins-title' }, 'Recent logins'),
    alert,
    h('div', { class: 'table-wrap' }, h('table', { id: 'admin-logins' },
      h('caption', { class: 'visually-hidden' }, 'Recent login attempts'),
      h('thead', {}, h('tr', {}, ['When', 'Username', 'From', 'Result'].map((l) => h('th', { scope: 'col' }, l)))),
      body)));
  api('GET', '/api/admin/logins?limit=50').then((attempts) => {
    body.replaceChildren(...attempts.map((a) => h('tr', { class: a.result === 'success' ? null : 'failed' },
      h('td', { 'data-label': 'When' }, new Date(a.at).toLocaleString()),
      h('td', { 'data-label': 'Username' }, a.username),
      h('td', { 'data-label': 'From' }, a.address),
      h('td', { 'data-label': 'Result' }, a.result.replace('_', ' ')))));
  }, (error) => {
    alert.textContent = `Could not load the logins: ${error.message}`;
    alert.hidden = false;
  });
  return section;
}
