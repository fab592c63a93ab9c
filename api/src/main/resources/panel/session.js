// The bearer token of the logged-in admin and the role it acts in. Kept in sessionStorage: it
// survives a reload of this tab, dies with the tab, and is never sent by the browser on its own
// (no cookies, so no CSRF). The role only shapes the page; the server enforces it on every call.
const TOKEN = 'switchboard.token';
const ROLE = 'switchboard.role';

export const session = {
  token() {
    return sessionStorage.getItem(TOKEN);
  },
  /** administrator, operator or read_only. */
  role() {
    return sessionStorage.getItem(ROLE) ?? 'read_only';
  },
  // The token's expiry is the server's business: when it passes, the next call answers 401.
  save(token, role) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(ROLE, role);
  },
  clear() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(ROLE);
  },
};
