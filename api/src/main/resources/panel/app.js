// The panel's router: one page per location hash (marked with the session's role), the login page whenever there is no session,
// and the way back to it when the API ends the session (401) or the admin logs out. Pages whose
// API route this server does not have (per its OpenAPI document) are not offered at all.
import { api, onSessionEnded } from './api.js';
import * as calls from './calls.js';
import * as conferences from './conferences.js';
import * as parking from './parking.js';
import * as dashboard from './dashboard.js';
import * as emergency from './emergency.js';
import * as devices from './devices.js';
import * as extensions from './extensions.js';
import * as fraud from './fraud.js';
import * as inbound from './inbound.js';
import * as ivr from './ivr.js';
import * as login from './login.js';
import * as moh from './moh.js';
import * as outbound from './outbound.js';
import * as phoneBook from './phonebook.js';
import * as phones from './phones.js';
import * as prompts from './prompts.js';
import * as queues from './queues.js';
import * as recordings from './recordings.js';
import * as ringGroups from './ringgroups.js';
import * as paging from './paging.js';
import * as sipBans from './sipbans.js';
import * as timerules from './timerules.js';
import * as trunks from './trunks.js';
import * as users from './users.js';
import { session } from './session.js';
import * as voicemail from './voicemail.js';
import * as webhooks from './webhooks.js';

const pages = {
  '/login': login,
  '/dashboard': dashboard,
  '/extensions': extensions,
  '/calls': calls,
  '/devices': devices,
  '/phones': phones,
  '/sip-bans': sipBans,
  '/fraud': fraud,
  '/moh': moh,
  '/voicemail': voicemail,
  '/trunks': trunks,
  '/inbound-routes': inbound,
  '/outbound-routes': outbound,
  '/time-rules': timerules,
  '/emergency': emergency,
  '/attendant': ivr,
  '/prompts': prompts,
  '/webhooks': webhooks,
  '/admins': users,
  '/conferences': conferences,
  '/ring-groups': ringGroups,
  '/paging': paging,
  '/parking': parking,
  '/queues': queues,
  '/recordings': recordings,
  '/phonebook': phoneBook,
};

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let cleanup = null;
let notice = null;
let discovering = false;
let shown = null; // the path of the page on screen
let available = null; // API paths this server serves, once its OpenAPI document has been read
let routesKnown = Promise.resolve(); // settles when the discovery under way has finished

async function discover() {
  try {
    const doc = await api('GET', '/api/openapi.json');
    available = new Set(Object.keys(doc.paths));
  } catch {
    // Leave the optional pages hidden; a 401 has already sent the admin to the login page.
    return;
  }
  // Re-render only a page that had to be replaced while the routes were unknown (a deep link).
  if (location.hash.slice(1) !== shown) {
    show();
  } else {
    updateNav();
  }
}

function updateNav() {
  nav.hidden = shown === '/login';
  for (const link of nav.querySelectorAll('a[data-requires]')) {
    link.hidden = available === null || !available.has(link.dataset.requires);
  }
  for (const link of nav.querySelectorAll('a')) {
    if (link.getAttribute('href') === `#${shown}`) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}

function offered(page) {
  return !page.requires || (available !== null && available.has(page.requires));
}

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
  if (!pages[path] || !offered(pages[path])) {
    path = '/dashboard';
  }
  if (!session.token() && path !== '/login') {
    path = '/login';
  }
  if (session.token() && path === '/login') {
    path = '/dashboard';
  }
  const page = pages[path];
  shown = path;
  // The role shapes the page (style.css hides what a read-only account cannot do); the API enforces it.
  document.body.dataset.role = session.token() ? session.role() : '';
  updateNav();
  document.title = `${page.title} · Switchboard admin`;
  main.replaceChildren();
  const message = notice;
  notice = null;
  const offers = (apiPath) => available !== null && available.has(apiPath);
  if (path !== '/login' && available === null && !discovering) {
    discovering = true;
    routesKnown = discover().finally(() => {
      discovering = false;
    });
  }
  // Pages that show optional parts wait for this before deciding what to offer.
  const whenRoutesKnown = available !== null ? Promise.resolve() : routesKnown;
  cleanup = page.render(main, { navigate, notice: message, offers, whenRoutesKnown }) ?? null;
  if (path !== '/login') {
    main.focus();
  }
}

onSessionEnded((message) => {
  available = null;
  navigate('/login', message);
});

document.getElementById('logout').addEventListener('click', async () => {
  let message = 'You have logged out.';
  try {
    await api('POST', '/api/auth/logout');
  } catch (error) {
    message = `Logged out here, but the server said: ${error.message}`;
  }
  session.clear();
  available = null;
  navigate('/login', message);
});

window.addEventListener('hashchange', show);
show();
