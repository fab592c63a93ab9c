/** Extension CRUD routes and their JSON shapes; secrets are write-only. */
package org.switchboard.api.extension;
