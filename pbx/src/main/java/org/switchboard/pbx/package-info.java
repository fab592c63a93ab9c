/** PBX services: registrar, call control, routing, and one package per feature. */
package org.switchboard.pbx;
