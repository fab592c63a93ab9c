/** The auto attendant: menus callers walk with their keys, the {@code ivr} destination kind (docs/attendant.md). */
package org.switchboard.pbx.ivr;
