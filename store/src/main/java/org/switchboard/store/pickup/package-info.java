/**
 * Call pickup's tables ({@code extension_pickup_groups}, {@code call_pickups}): an extension's pickup groups, the calls
 * picked up, and their Jdbi stores.
 */
package org.switchboard.store.pickup;
