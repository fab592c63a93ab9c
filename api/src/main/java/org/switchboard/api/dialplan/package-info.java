/** Dial-plan rule CRUD and the routing test endpoint, with their JSON shapes. */
package org.switchboard.api.dialplan;
