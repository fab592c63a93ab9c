/** Admin accounts and sessions: Argon2id password hashes, login throttling, hashed bearer tokens. */
package org.switchboard.pbx.admin;
