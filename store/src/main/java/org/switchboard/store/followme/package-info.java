/** Find-me/follow-me settings per extension (tables {@code fmfm_configs}, {@code fmfm_destinations}, V171). */
package org.switchboard.store.followme;
