/** The data directory: the one folder under which the server keeps the files it writes. */
package org.switchboard.store.files;
