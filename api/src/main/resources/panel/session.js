// The bearer token of the logged-in admin. Kept in sessionStorage: it survives a reload of this
// tab, dies with the tab, and is never sent by the browser on its own (no cookies, so no CSRF).
const TOKEN = 'switchboard.token';

export const session = {
  token() {
    return sessionStorage.getItem(TOKEN);
  },
  // The token's expiry is the server's business: when it passes, the next call answers 401.
  save(token) {
    sessionStorage.setItem(TOKEN, token);
  },
  clear() {
    sessionStorage.removeItem(TOKEN);
  },
};
