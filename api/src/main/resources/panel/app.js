// The panel's router: one page per location hash, the login page whenever there is no session,
// and the way back to it when the API ends the session (401) or the admin logs out.
import { api, onSessionEnded } from './api.js';
import * as dashboard from './dashboard.js';
import * as extensions from './extensions.js';
import * as login from './login.js';
import { session } from './session.js';

const pages = {
  '/login': login,
  '/dashboard': dashboard,
  '/extensions': extensions,
};

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let cleanup = null;
let notice = null;

function navigate(path, message) {
  notice = message ?? null;
  if (location.hash === `#${path}`) {
    show();
  } else {
    location.hash = `#${path}`;
  }
}

function show() {
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  let path = location.hash.slice(1) || '/dashboard';
  if (!pages[path]) {
    path = '/dashboard';
  }
  if (!session.token() && path !== '/login') {
    path = '/login';
  }
  if (session.token() && path === '/login') {
    path = '/dashboard';
  }
  const page = pages[path];
  nav.hidden = path === '/login';
  for (const link of nav.querySelectorAll('a')) {
    if (link.getAttribute('href') === `#${path}`) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  document.title = `${page.title} · Switchboard admin`;
  main.replaceChildren();
  const message = notice;
  notice = null;
  cleanup = page.render(main, { navigate, notice: message }) ?? null;
  if (path !== '/login') {
    main.focus();
  }
}

onSessionEnded((message) => navigate('/login', message));

document.getElementById('logout').addEventListener('click', async () => {
  let message = 'You have logged out.';
  try {
    await api('POST', '/api/auth/logout');
  } catch (error) {
    message = `Logged out here, but the server said: ${error.message}`;
  }
  session.clear();
  navigate('/login', message);
});

window.addEventListener('hashchange', show);
show();
