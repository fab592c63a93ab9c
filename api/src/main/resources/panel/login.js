// The login page: exchanges a username and password for a bearer token via POST /api/auth/login.
// An account with an authenticator app answers mfa_required first; the page then asks for the
// one-time code (or a recovery code) and sends it with the password.
import { api } from './api.js';
import { alertBox, clearErrors, field, h, showError } from './dom.js';
import { session } from './session.js';

export const title = 'Log in';

export function render(main, { navigate, notice }) {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const totp = h('input', { name: 'totp', autocomplete: 'one-time-code', inputmode: 'numeric' });
  const totpField = field('One-time code', totp, 'The 6 digits your authenticator app shows, or one of your recovery codes.');
  totpField.hidden = true;
  const submit = h('button', { type: 'submit' }, 'Log in');
  const form = h('form', { class: 'card narrow', novalidate: true, 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Log in to Switchboard'),
    notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
    alertBox(),
    field('Username', username),
    field('Password', password),
    totpField,
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    submit.disabled = true;
    const body = { username: username.value, password: password.value };
    if (!totpField.hidden && totp.value.trim() !== '') {
      body.totp = totp.value.trim();
    }
    try {
      const issued = await api('POST', '/api/auth/login', body);
      session.save(issued.token, issued.role);
      navigate('/dashboard');
    } catch (error) {
      if (error.code === 'mfa_required' || error.code === 'invalid_mfa') {
        // The password was right: keep it for the second step, ask for the code.
        totpField.hidden = false;
      } else {
        password.value = '';
      }
      totp.value = '';
      showError(form, error);
    } finally {
      submit.disabled = false;
    }
  });
  main.append(form);
  username.focus();
}
