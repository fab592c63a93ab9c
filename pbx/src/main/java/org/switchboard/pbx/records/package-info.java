/**
 * What the services of named, stored records (ring groups, queues, paging zones, routes, trunks, time rules, conference
 * rooms, attendant menus) share: an in-memory copy for calls and one serialized way to change it.
 */
package org.switchboard.pbx.records;
