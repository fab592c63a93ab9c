/** REST view of the registrar: the live bindings of the location service. */
package org.switchboard.api.registrar;
