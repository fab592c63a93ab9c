/**
 * Call pickup's table ({@code extension_pickup_groups}): the record of an extension's pickup groups, the store
 * interface and its Jdbi implementation.
 */
package org.switchboard.store.pickup;
