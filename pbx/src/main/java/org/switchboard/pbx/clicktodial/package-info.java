/**
 * Click-to-dial (docs/click-to-dial.md): the PBX rings an extension's phones and, when one answers,
 * sends that leg on to the number to call as if the extension had dialled it.
 */
package org.switchboard.pbx.clicktodial;
