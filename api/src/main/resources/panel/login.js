// The login page: exchanges a username and password for a bearer token via POST /api/auth/login.
import { api } from './api.js';
import { alertBox, clearErrors, field, h, showError } from './dom.js';
import { session } from './session.js';

export const title = 'Log in';

export function render(main, { navigate, notice }) {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit' }, 'Log in');
  const form = h('form', { class: 'card narrow', novalidate: true, 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Log in to Switchboard'),
    notice ? h('p', { class: 'notice', role: 'status' }, notice) : null,
    alertBox(),
    field('Username', username),
    field('Password', password),
    submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    submit.disabled = true;
    try {
      const issued = await api('POST', '/api/auth/login', { username: username.value, password: password.value });
      session.save(issued.token);
      navigate('/dashboard');
    } catch (error) {
      showError(form, error);
    } finally {
      submit.disabled = false;
      password.value = '';
    }
  });
  main.append(form);
  username.focus();
}
