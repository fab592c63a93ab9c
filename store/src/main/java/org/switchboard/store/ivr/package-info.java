/** Rows of the auto attendant: menus, their key options and the settings (V121). */
package org.switchboard.store.ivr;
