/** Admin login and logout routes. */
package org.switchboard.api.auth;
