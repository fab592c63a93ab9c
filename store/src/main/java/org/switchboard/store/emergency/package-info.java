/** Emergency calls' settings and dispatchable locations ({@code emergency_settings}, {@code emergency_locations}). */
package org.switchboard.store.emergency;
