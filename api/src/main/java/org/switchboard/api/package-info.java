/** HTTP: REST API, phone provisioning and the admin web panel. */
package org.switchboard.api;
