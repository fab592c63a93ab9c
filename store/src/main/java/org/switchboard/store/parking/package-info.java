/** The park lots' table ({@code park_lots}): records, the store interface and its Jdbi implementation. */
package org.switchboard.store.parking;
