/**
 * Call recording's tables ({@code recording_policies}, {@code call_recordings}, {@code
 * recording_retention_policies}): records, the store interface and its Jdbi implementation.
 */
package org.switchboard.store.recording;
