// The bearer token of the logged-in admin. Kept in sessionStorage: it survives a reload of this
// tab, dies with the tab, and is never sent by the browser on its own (no cookies, so no CSRF).
const TOKEN = 'switchboard.token';
const EXPIRES = 'switchboard.expiresAt';

export const session = {
  token() {
    return sessionStorage.getItem(TOKEN);
  },
  expiresAt() {
    return sessionStorage.getItem(EXPIRES);
  },
  save(token, expiresAt) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(EXPIRES, expiresAt ?? '');
  },
  clear() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(EXPIRES);
  },
};
