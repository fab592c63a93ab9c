/** The conference rooms' table ({@code conference_rooms}): records, the store interface and its Jdbi implementation. */
package org.switchboard.store.conference;
